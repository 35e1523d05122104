package dev.keyward.client;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.channel.KeyFit;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.Tolerance;
import dev.keyward.core.hardware.ToleranceResult;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.license.LicenseEvent;
import dev.keyward.core.license.LicenseMachine;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.license.LicenseState;
import dev.keyward.core.license.LicenseStatus;
import dev.keyward.core.license.LicenseTimers;
import dev.keyward.core.license.Transition;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The licensing client an application embeds: one object per store, one call per administrator
 * command. Every licensing rule is core's; this class reads and writes the store, asks the
 * authority, and applies core's decisions.
 *
 * <pre>{@code
 * KeywardClient client = KeywardClient.builder()
 *     .store(Path.of(System.getProperty("user.home"), ".keyward", "store"))
 *     .machine(() -> new OshiMachineReader().read())
 *     .authority(URI.create("https://activation.example.com"))
 *     .build();
 * client.init("winserver", "2022", "ServerStandard");   // what an installer records
 * client.installKey(keyTypedByTheUser);                  // slmgr /ipk: checked offline
 * client.activate();                                     // slmgr /ato
 * LicenseInfo info = client.status();                    // slmgr /dli, /dlv, /xpr
 * }</pre>
 *
 * <p>Every method throws {@link KeywardException} (with the catalogue's code, message and remedy)
 * when the operation is refused; it never throws for a damaged store, which is reported as
 * NonGenuineGrace instead. Not thread-safe; one process at a time per store.
 */
public final class KeywardClient {
  private final LocalStore store;
  private final Catalog catalog;
  private final Optional<String> productChoice;
  private final Supplier<MachineFacts> machineSource;
  private final Optional<URI> authority;
  private final List<TrustedKey> explicitTrust;
  private final List<TrustedPhoneKey> explicitPhoneTrust;
  private final boolean pinTrustOnFirstUse;
  private final Clock clock;
  private final ProxySelector proxies;
  private final ConnectionOptions connectionOptions;
  private final SecureRandom random;
  private MachineFacts machine;

  private KeywardClient(Builder b) {
    this.store = new LocalStore(Objects.requireNonNull(b.store, "store"), b.random);
    this.catalog = b.catalog;
    this.productChoice = b.product;
    this.machineSource = b.machine;
    this.authority = b.authority;
    this.explicitTrust = List.copyOf(b.trust);
    this.explicitPhoneTrust = List.copyOf(b.phoneTrust);
    this.pinTrustOnFirstUse = b.pinTrustOnFirstUse;
    this.clock = b.clock;
    this.proxies = b.proxies;
    this.connectionOptions = b.connectionOptions;
    this.random = b.random;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The default store directory: {@code ~/.keyward/store}. */
  public static Path defaultStore() {
    return Path.of(System.getProperty("user.home"), ".keyward", "store");
  }

  public LocalStore store() {
    return store;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Optional<URI> authority() {
    return authority;
  }

  Clock clock() {
    return clock;
  }

  boolean pinTrustOnFirstUse() {
    return pinTrustOnFirstUse;
  }

  /**
   * Phone and proxy activation ({@code slmgr /dti}, {@code /atp}, {@code slui 4}, proxy files): the
   * installation ID and confirmation IDs of the installed key.
   */
  public PhoneActivation phone() {
    return new PhoneActivation(this);
  }

  // --- operations -----------------------------------------------------------------------------

  /**
   * Records what is installed ({@code keyward init}). Recording the same installation again changes
   * nothing; another version or edition is a reinstall: fresh timers (the trusted-time anchor is
   * kept), no key, a new CMID.
   */
  public LicenseInfo init(String productId, String version, String editionId) {
    Product product = product(productId);
    if (!product.hasVersion(version)) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "'"
              + version
              + "' is not a version of "
              + product.name()
              + " (versions: "
              + String.join(", ", product.versions())
              + ").");
    }
    Edition edition =
        product
            .edition(editionId)
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.BAD_REQUEST,
                        "'"
                            + editionId
                            + "' is not an edition of "
                            + product.name()
                            + " (editions: "
                            + product.editions().stream()
                                .map(Edition::id)
                                .collect(Collectors.joining(", "))
                            + ")."));
    Installation installation = new Installation(product.id(), version, edition.id());
    Instant now = clock.instant();
    LicenseMachine machine = machine(product, edition.id());
    LocalStore.Read read = store.load(product.id());
    List<String> notices = new ArrayList<>();
    LicenseRecord record;
    if (read instanceof LocalStore.Read.Intact intact
        && intact.state().installation().equals(installation)) {
      notices.add(
          product.name() + " " + version + " " + edition.id() + " is already recorded here.");
      Session s = check(product.id(), intact.state(), notices);
      return info(s, notices);
    } else if (read instanceof LocalStore.Read.Intact intact) {
      record = moved(machine.apply(intact.state().record(), installed(edition), now), "reinstall");
      notices.add(
          "Reinstalled: "
              + intact.state().installation().edition()
              + " "
              + intact.state().installation().version()
              + " replaced; its key and activation are gone from this store.");
    } else if (read instanceof LocalStore.Read.Damaged damaged) {
      Instant at = later(now, damaged.trustedTime());
      record = machine.install(edition.isEvaluation(), at);
      notices.add("The damaged license store was replaced by a fresh installation record.");
    } else {
      record = machine.install(edition.isEvaluation(), now);
    }
    ProductState state =
        new ProductState(
            installation,
            Cmid.random(random).format(),
            now,
            Optional.empty(),
            Optional.empty(),
            record,
            VolumeSettings.defaults(),
            Optional.empty());
    store.save(state);
    event(state, "Installed", Map.of("version", version, "edition", edition.id()));
    return info(new Session(product, state, machine), notices);
  }

  /** Installs a product key ({@code slmgr /ipk}), checked offline against the catalog. */
  public LicenseInfo installKey(String typed) {
    List<String> notices = new ArrayList<>();
    Session s = open(notices);
    KeyDecoding.Decoded decoded = decode(typed);
    ProductKey key = decoded.key();
    KeyGroup group = catalog.keyGroup(decoded.payload().group()).orElseThrow();
    Instant now = clock.instant();
    LicenseStatus status = s.machine.status(s.state.record(), now);
    boolean evaluationExpired =
        s.state.record().evaluation() && status.state() == LicenseState.NOTIFICATION;
    Optional<Failure> misfit =
        KeyFit.check(s.product, s.state.installation(), group, evaluationExpired);
    if (misfit.isPresent()) {
      throw new KeywardException(misfit.get());
    }
    String fingerprint = store.secret().fingerprint(key);
    boolean same = s.state.key().map(k -> k.fingerprint().equals(fingerprint)).orElse(false);
    if (same && status.state() == LicenseState.LICENSED && s.state.certificate().isPresent()) {
      notices.add("This product key is already installed and activated.");
      return info(s, notices);
    }
    LicenseRecord next =
        refusedOrNext(
            s.machine.apply(
                s.state.record(),
                new LicenseEvent.KeyInstalled(group.channel().isVolumeClient()),
                now));
    StoredKey stored =
        new StoredKey(
            fingerprint,
            key.partial(),
            group.number(),
            group.channel(),
            group.version(),
            group.edition(),
            Optional.of(store.secret().encrypt(key, s.product.id(), random)));
    ProductState state =
        s.state.withRecord(next).withKey(Optional.of(stored)).withCertificate(Optional.empty());
    store.save(state);
    event(state, "KeyInstalled", Map.of("partialKey", key.partial(), "channel", group.channel()));
    return info(new Session(s.product, state, s.machine), notices);
  }

  /** The outcome of {@link #activate}. */
  public record Activation(LicenseInfo info, boolean reissued, String certificateId) {}

  /**
   * Activates the installed key online ({@code slmgr /ato}): sends it with the machine's hashed
   * hardware, verifies the signed certificate against the trusted keys and stores it.
   */
  public Activation activate() {
    List<String> notices = new ArrayList<>();
    Session s = open(notices);
    Instant now = clock.instant();
    boolean volume = s.state.key().map(k -> k.channel().isVolumeClient()).orElse(false);
    // the state machine's refusals (an evaluation edition) come before anything is sent
    refusedOrNext(
        s.machine.apply(s.state.record(), LicenseEvent.Activated.permanently(volume), now));
    StoredKey stored =
        s.state
            .key()
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.PKEY_NOT_INSTALLED,
                        "No product key is installed. Install one with keyward slmgr /ipk KEY."));
    if (!stored.channel().activatesAtAuthority()) {
      throw KeywardException.of(
          ErrorCode.NOT_SUPPORTED,
          "A "
              + stored.channel()
              + " key does not activate against the activation authority; volume and host-based"
              + " VM activation are not available in this version of the client.");
    }
    ProductKey key = keyCopy(s, stored);
    MachineFacts facts = machineFacts();
    AuthorityConnection connection = connection();
    CertificateVerifier verifier = new CertificateVerifier(trust(connection, notices));
    HardwareIdentity identity = HardwareIdentity.of(facts, s.product.id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key.display());
    body.put("product", s.product.id());
    body.put("version", s.state.installation().version());
    body.put("edition", s.state.installation().edition());
    body.put("components", components(identity));
    body.put("cmid", s.state.cmid());
    body.put("oemMarker", facts.oemMarker().orElse(null));
    body.put("simulated", facts.simulated());
    body.put("clientTime", now.toString());
    Map<String, Object> answer;
    try {
      answer = connection.post("/v1/activate", body, Optional.empty());
    } catch (KeywardException e) {
      event(s.state, "ActivationRefused", Map.of("code", e.code().hex()));
      throw e;
    }
    SignedCertificate signed =
        SignedCertificate.fromJson(answer)
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.STORE_TAMPERED,
                        "The authority's answer holds no readable activation certificate."));
    if (verifier.verify(signed) instanceof CertificateCheck.Invalid invalid) {
      throw new KeywardException(invalid.failure());
    }
    ActivationCertificate cert = signed.certificate();
    Optional<String> mismatch = mismatch(cert, s.state.installation(), stored);
    if (mismatch.isPresent()) {
      throw KeywardException.of(
          ErrorCode.STORE_TAMPERED,
          "The authority's certificate is not for this installation: " + mismatch.get() + ".");
    }
    LicenseRecord next =
        refusedOrNext(
            s.machine.apply(
                s.state.record(),
                new LicenseEvent.Activated(cert.expiresAt().orElse(null), volume),
                now));
    ProductState state = s.state.withRecord(next).withCertificate(Optional.of(signed));
    store.save(state);
    boolean reissued = Boolean.TRUE.equals(answer.get("reissued"));
    event(
        state,
        "Activated",
        Map.of(
            "certificateId",
            cert.certificateId(),
            "reissued",
            reissued,
            "authority",
            connection.base().toString()));
    if (reissued) {
      notices.add(
          "This machine already held this activation: the authority gave its certificate again"
              + " without spending a count.");
    }
    return new Activation(
        info(new Session(s.product, state, s.machine), notices), reissued, cert.certificateId());
  }

  /**
   * Uninstalls the product key ({@code slmgr /upk}): when it is activated, the activation is first
   * released at the authority (so that a retail key can move to another machine), then the key and
   * its certificate are removed from the store.
   */
  public LicenseInfo uninstallKey() {
    List<String> notices = new ArrayList<>();
    Session s = open(notices);
    Instant now = clock.instant();
    LicenseRecord next =
        refusedOrNext(s.machine.apply(s.state.record(), new LicenseEvent.KeyUninstalled(), now));
    StoredKey stored = s.state.key().orElseThrow();
    boolean activated = s.state.certificate().isPresent() || s.state.phone().isPresent();
    if (activated && stored.channel().activatesAtAuthority()) {
      Optional<ProductKey> key =
          stored.encrypted().flatMap(e -> store.secret().decrypt(e, s.product.id()));
      if (key.isEmpty()) {
        notices.add(
            "The activation could not be released at the authority: the key copy was cleared"
                + " from the store (/cpky). Ask support to release it if the key moves to another"
                + " machine.");
      } else {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key.get().display());
        body.put("product", s.product.id());
        body.put("components", components(HardwareIdentity.of(machineFacts(), s.product.id())));
        body.put("cmid", s.state.cmid());
        try {
          Map<String, Object> answer = connection().post("/v1/deactivate", body, Optional.empty());
          notices.add(
              "The activation was released at the authority"
                  + (answer.get("activationId") instanceof String id ? " (" + id + ")" : "")
                  + "; the key can be activated on another machine.");
        } catch (KeywardException e) {
          if (e.code() == ErrorCode.AUTHORITY_UNREACHABLE && s.state.phone().isPresent()) {
            // activated by phone: this machine may never reach the authority
            notices.add(
                "The activation could not be released at the authority (it cannot be reached)."
                    + " Ask support to release the key if it moves to another machine.");
          } else if (e.code() != ErrorCode.PKEY_NOT_INSTALLED) {
            throw e;
          } else {
            notices.add("The authority holds no active activation of this key for this machine.");
          }
        }
      }
    }
    ProductState state =
        s.state.withRecord(next).withKey(Optional.empty()).withCertificate(Optional.empty());
    store.save(state);
    event(state, "KeyUninstalled", Map.of("partialKey", stored.partial()));
    return info(new Session(s.product, state, s.machine), notices);
  }

  /**
   * Clears the key copy from the store ({@code slmgr /cpky}): the key stays installed (fingerprint
   * and partial key), but it can no longer be read back from this machine.
   */
  public LicenseInfo clearKey() {
    List<String> notices = new ArrayList<>();
    Session s = open(notices);
    ProductState state = s.state;
    if (state.key().isPresent() && state.key().get().encrypted().isPresent()) {
      state = state.withKey(state.key().map(StoredKey::withoutCopy));
      store.save(state);
      event(state, "KeyCopyCleared", Map.of("partialKey", state.key().get().partial()));
    } else {
      notices.add("There is no product key copy in the store to clear.");
    }
    return info(new Session(s.product, state, s.machine), notices);
  }

  /** The license status ({@code slmgr /dli}), after the store's integrity and hardware checks. */
  public LicenseInfo status() {
    List<String> notices = new ArrayList<>();
    return info(open(notices), notices);
  }

  /** Restarts the evaluation or the initial grace ({@code slmgr /rearm}), up to the limit. */
  public LicenseInfo rearm() {
    List<String> notices = new ArrayList<>();
    Session s = open(notices);
    LicenseRecord next =
        refusedOrNext(
            s.machine.apply(s.state.record(), new LicenseEvent.Rearmed(), clock.instant()));
    ProductState state = s.state.withRecord(next);
    store.save(state);
    event(state, "Rearmed", Map.of("rearmCount", next.rearmCount()));
    return info(new Session(s.product, state, s.machine), notices);
  }

  // --- servicing: edition conversion and generalisation (see Servicing) ----------------------

  /** The installed edition, the editions it may be converted to, and a pending conversion. */
  public Servicing.Editions editions() {
    return new Servicing(this).editions();
  }

  /**
   * Asks for an edition conversion ({@code dism /online /Set-Edition:TARGET /ProductKey:KEY
   * /AcceptEula}): checked now (core's {@code EditionChange}), applied by {@link
   * #applyPendingConversion} at the next restart. The edition id is matched case-insensitively.
   */
  public LicenseInfo convertEdition(String target, String key) {
    return new Servicing(this).convert(target, key);
  }

  /**
   * Applies a pending edition conversion ({@code keyward restart}): the target edition is installed
   * with the conversion's key, in its initial grace. Empty when nothing is pending.
   */
  public Optional<Servicing.Conversion> applyPendingConversion() {
    return new Servicing(this).applyPending();
  }

  /** Gives the installation a new client machine ID, as generalising an image does. */
  public LicenseInfo generalize() {
    return new Servicing(this).generalize();
  }

  SecureRandom random() {
    return random;
  }

  /**
   * The authority keys this client trusts for certificates: the builder's, the catalog's, and the
   * ones pinned in the store's {@code trust.json}.
   */
  public List<TrustedKey> trustedKeys() {
    LinkedHashSet<TrustedKey> keys = new LinkedHashSet<>(explicitTrust);
    catalog.products().forEach(p -> keys.addAll(p.trustedKeys()));
    Path pinned = store.trustFile();
    if (Files.isRegularFile(pinned)) {
      keys.addAll(TrustFile.read(pinned));
    }
    return List.copyOf(keys);
  }

  /**
   * The authority phone keys this client trusts for confirmation IDs: the builder's, the catalog's,
   * and the ones pinned in the store's {@code trust.json}, by index (the first of an index wins).
   */
  public List<TrustedPhoneKey> trustedPhoneKeys() {
    LinkedHashSet<TrustedPhoneKey> keys = new LinkedHashSet<>(explicitPhoneTrust);
    catalog.products().forEach(p -> keys.addAll(p.trustedPhoneKeys()));
    Path pinned = store.trustFile();
    if (Files.isRegularFile(pinned)) {
      keys.addAll(TrustFile.readPhoneKeys(pinned));
    }
    return List.copyOf(keys);
  }

  /** Fetches the authority's keys ({@code GET /v1/trust}) and pins them in the store. */
  public List<TrustedKey> pinTrust() {
    return pinTrust(connection());
  }

  List<TrustedKey> pinTrust(AuthorityConnection connection) {
    Map<String, Object> answer = connection.get("/v1/trust", Optional.empty());
    String text = dev.keyward.core.json.Json.write(answer);
    List<TrustedKey> keys =
        TrustFile.parse(text)
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.BAD_REQUEST,
                        "The authority at " + connection.base() + " lists no trusted keys."));
    store.writeTrust(TrustFile.write(keys, TrustFile.parsePhoneKeys(text)));
    return keys;
  }

  private List<TrustedKey> trust(AuthorityConnection connection, List<String> notices) {
    List<TrustedKey> keys = trustedKeys();
    if (!keys.isEmpty() || !pinTrustOnFirstUse) {
      return keys;
    }
    List<TrustedKey> pinned = pinTrust(connection);
    notices.add(
        "No trusted authority keys were configured: pinned the keys of "
            + connection.base()
            + " ("
            + pinned.stream().map(TrustedKey::id).collect(Collectors.joining(", "))
            + ") in "
            + store.trustFile()
            + ".");
    return pinned;
  }

  // --- opening and checking the store ---------------------------------------------------------

  /** A product's state, checked and brought up to date, with its catalog entry and timers. */
  record Session(Product product, ProductState state, LicenseMachine machine) {}

  Session open(List<String> notices) {
    String productId = chooseProduct();
    LocalStore.Read read = store.load(productId);
    return switch (read) {
      case LocalStore.Read.Missing m ->
          throw KeywardException.of(
              ErrorCode.NOT_INSTALLED,
              "No installation of '"
                  + productId
                  + "' is recorded in "
                  + store.root()
                  + ". Run keyward init --product P --version V --edition E first.");
      case LocalStore.Read.Damaged d -> damaged(productId, d, notices);
      case LocalStore.Read.Intact i -> check(productId, i.state(), notices);
    };
  }

  private String chooseProduct() {
    if (productChoice.isPresent()) {
      return productChoice.get();
    }
    List<String> products = store.products();
    if (products.size() == 1) {
      return products.get(0);
    }
    if (products.isEmpty()) {
      throw KeywardException.of(
          ErrorCode.NOT_INSTALLED,
          "No product is recorded in the store "
              + store.root()
              + ". Run keyward init --product P --version V --edition E first.");
    }
    throw KeywardException.of(
        ErrorCode.BAD_REQUEST,
        "The store "
            + store.root()
            + " holds several products ("
            + String.join(", ", products)
            + "); choose one with --product P.");
  }

  /** The checks of every operation: timers settled, certificate and hardware verified. */
  private Session check(String productId, ProductState loaded, List<String> notices) {
    Product product = product(productId);
    LicenseMachine machine = machine(product, loaded.installation().edition());
    Instant now = clock.instant();
    ProductState state = loaded.withRecord(machine.settle(loaded.record(), now));
    if (state.certificate().isPresent() && state.record().state() == LicenseState.LICENSED) {
      SignedCertificate signed = state.certificate().get();
      Optional<String> problem = Optional.empty();
      List<TrustedKey> trusted = trustedKeys();
      if (!trusted.isEmpty()
          && new CertificateVerifier(trusted).verify(signed)
              instanceof CertificateCheck.Invalid invalid) {
        problem = Optional.of(invalid.failure().message());
      }
      if (problem.isEmpty() && state.key().isPresent()) {
        problem = mismatch(signed.certificate(), state.installation(), state.key().get());
      }
      if (problem.isPresent()) {
        LicenseRecord next =
            moved(machine.apply(state.record(), new LicenseEvent.IntegrityFailed(), now), "check");
        state = state.withRecord(next).withCertificate(Optional.empty());
        notices.add("The activation certificate failed its check: " + problem.get());
        event(state, "IntegrityFailed", Map.of("problem", problem.get()));
      } else {
        ToleranceResult tolerance =
            Tolerance.compare(
                signed.certificate().machine(),
                HardwareIdentity.of(machineFacts(), product.id()),
                product.hardware());
        if (tolerance instanceof ToleranceResult.Outside outside) {
          LicenseRecord next =
              moved(
                  machine.apply(state.record(), new LicenseEvent.HardwareChanged(true), now),
                  "hardware");
          state = state.withRecord(next);
          notices.add(outside.failure().message());
          event(
              state,
              "HardwareChanged",
              Map.of(
                  "changed",
                  outside.changed().stream().map(Component::fileName).toList(),
                  "outOfTolerance",
                  true));
        }
      }
    } else if (state.phone().isPresent() && state.record().state() == LicenseState.LICENSED) {
      state = phone().recheck(product, machine, state, notices, now);
    }
    if (!state.equals(loaded)) {
      store.save(state);
    }
    return new Session(product, state, machine);
  }

  /**
   * A store that failed its seal or cannot be read: NonGenuineGrace from now on (never a crash).
   * What the file still tells is used only where it cannot help a forger: the installation it
   * names, a trusted time that only moves the clock forward, a key copy that still decrypts with
   * this store's secret.
   */
  private Session damaged(String productId, LocalStore.Read.Damaged d, List<String> notices) {
    Product product = product(productId);
    Instant now = clock.instant();
    Installation installation =
        d.installation()
            .filter(i -> i.product().equals(productId))
            .orElse(new Installation(productId, "unknown", "unknown"));
    Optional<Edition> edition = product.edition(installation.edition());
    LicenseMachine machine = machine(product, installation.edition());
    Instant at = later(now, d.trustedTime());
    LicenseRecord base = machine.install(edition.map(Edition::isEvaluation).orElse(false), at);
    LicenseRecord record =
        moved(machine.apply(base, new LicenseEvent.IntegrityFailed(), at), "integrity");
    Optional<StoredKey> key = d.raw().flatMap(raw -> salvageKey(product, raw));
    String cmid =
        d.raw()
            .flatMap(StateCodec::salvageCmid)
            .flatMap(Cmid::parse)
            .map(Cmid::format)
            .orElseGet(() -> Cmid.random(random).format());
    ProductState state =
        new ProductState(
            installation,
            cmid,
            at,
            key,
            Optional.empty(),
            record,
            VolumeSettings.defaults(),
            Optional.empty());
    store.save(state);
    event(state, "IntegrityFailed", Map.of("problem", d.problem()));
    notices.add(
        "The license store failed its integrity check ("
            + d.problem()
            + "): the product is in NonGenuineGrace until it is activated again.");
    return new Session(product, state, machine);
  }

  private Optional<StoredKey> salvageKey(Product product, Map<?, ?> raw) {
    return StateCodec.salvageEncryptedKey(raw)
        .flatMap(e -> store.secret().decrypt(e, product.id()))
        .flatMap(
            key -> {
              KeyDecoding decoding = ProductKeyCodec.decode(key.canonical(), catalog::knowsGroup);
              if (!(decoding instanceof KeyDecoding.Decoded decoded)) {
                return Optional.empty();
              }
              KeyGroup group = catalog.keyGroup(decoded.payload().group()).orElseThrow();
              return Optional.of(
                  new StoredKey(
                      store.secret().fingerprint(key),
                      key.partial(),
                      group.number(),
                      group.channel(),
                      group.version(),
                      group.edition(),
                      Optional.of(store.secret().encrypt(key, product.id(), random))));
            });
  }

  // --- helpers --------------------------------------------------------------------------------

  private Product product(String id) {
    return catalog
        .product(id)
        .orElseThrow(
            () ->
                KeywardException.of(
                    ErrorCode.BAD_REQUEST,
                    "'"
                        + id
                        + "' is not a product of the catalog "
                        + catalog.source()
                        + " (products: "
                        + catalog.products().stream()
                            .map(Product::id)
                            .collect(Collectors.joining(", "))
                        + ")."));
  }

  private static LicenseMachine machine(Product product, String editionId) {
    Optional<Edition> edition = product.edition(editionId);
    if (edition.isPresent()) {
      return new LicenseMachine(LicenseTimers.of(product, edition.get()));
    }
    Edition any =
        new Edition(editionId, "", dev.keyward.core.catalog.InstallType.DESKTOP, 0, List.of());
    return new LicenseMachine(LicenseTimers.of(product, any));
  }

  private static LicenseEvent installed(Edition edition) {
    return new LicenseEvent.Installed(edition.isEvaluation());
  }

  private KeyDecoding.Decoded decode(String typed) {
    return switch (ProductKeyCodec.decode(typed == null ? "" : typed, catalog::knowsGroup)) {
      case KeyDecoding.Decoded decoded -> decoded;
      case KeyDecoding.Rejected rejected -> throw new KeywardException(rejected.failure());
    };
  }

  ProductKey keyCopy(Session s, StoredKey stored) {
    String copy =
        stored
            .encrypted()
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.PKEY_NOT_INSTALLED,
                        "The product key ending in "
                            + stored.partial()
                            + " was cleared from the store (slmgr /cpky), so it cannot be sent"
                            + " for activation. Install it again with keyward slmgr /ipk KEY."));
    return store
        .secret()
        .decrypt(copy, s.product.id())
        .orElseThrow(
            () ->
                KeywardException.of(
                    ErrorCode.STORE_TAMPERED,
                    "The stored product key cannot be decrypted with this store's secret."
                        + " Install it again with keyward slmgr /ipk KEY."));
  }

  private static Optional<String> mismatch(
      ActivationCertificate cert, Installation installation, StoredKey key) {
    if (!cert.product().equals(installation.product())) {
      return Optional.of("it is for product " + cert.product());
    }
    if (!cert.version().equals(installation.version())) {
      return Optional.of("it is for version " + cert.version());
    }
    if (!cert.edition().equals(installation.edition())) {
      return Optional.of("it is for edition " + cert.edition());
    }
    if (!cert.partialKey().equals(key.partial())) {
      return Optional.of("it is for the key ending in " + cert.partialKey());
    }
    return Optional.empty();
  }

  private static Map<String, Object> components(HardwareIdentity identity) {
    Map<String, Object> components = new LinkedHashMap<>();
    for (Component c : Component.values()) {
      components.put(c.fileName(), identity.hash(c).hex());
    }
    return components;
  }

  MachineFacts machineFacts() {
    if (machine == null) {
      if (machineSource == null) {
        throw KeywardException.of(
            ErrorCode.BAD_REQUEST, "No machine reader was configured for this client.");
      }
      machine = machineSource.get();
    }
    return machine;
  }

  AuthorityConnection connection() {
    URI uri =
        authority
            .or(
                () ->
                    catalog.products().stream()
                        .flatMap(p -> p.activationUrl().stream())
                        .findFirst()
                        .map(URI::create))
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.AUTHORITY_UNREACHABLE,
                        "No activation authority is configured. Give its address with --authority"
                            + " URL or KEYWARD_AUTHORITY."));
    return new AuthorityConnection(uri, proxies, connectionOptions);
  }

  static LicenseRecord refusedOrNext(Transition t) {
    return switch (t) {
      case Transition.Moved moved -> moved.next();
      case Transition.Refused refused -> throw new KeywardException(refused.failure());
    };
  }

  static LicenseRecord moved(Transition t, String what) {
    return switch (t) {
      case Transition.Moved moved -> moved.next();
      case Transition.Refused refused ->
          throw new IllegalStateException(what + " refused: " + refused.failure());
    };
  }

  private static Instant later(Instant now, Optional<Instant> other) {
    return other.filter(o -> o.isAfter(now)).orElse(now);
  }

  void event(ProductState state, String name, Map<String, ?> details) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("at", clock.instant().toString());
    event.put("event", name);
    event.put("state", state.record().state().displayName());
    event.put("reason", state.record().reason() == null ? null : state.record().reason().hex());
    details.forEach(
        (k, v) ->
            event.put(
                k,
                v instanceof Enum<?> e
                    ? e.name()
                    : v instanceof Integer || v instanceof Boolean || v instanceof List<?>
                        ? v
                        : String.valueOf(v)));
    store.appendEvent(state.installation().product(), event);
  }

  LicenseInfo info(Session s, List<String> notices) {
    ProductState st = s.state;
    LicenseStatus status = s.machine.status(st.record(), clock.instant());
    Optional<Channel> channel =
        st.key()
            .map(StoredKey::channel)
            .or(
                () ->
                    st.record().evaluation()
                        ? Optional.of(Channel.TIMEBASED_EVAL)
                        : Optional.empty());
    Optional<Integer> group =
        st.key()
            .map(StoredKey::group)
            .or(
                () ->
                    st.record().evaluation()
                        ? s.product
                            .keyGroup(
                                st.installation().version(),
                                st.installation().edition(),
                                Channel.TIMEBASED_EVAL)
                            .map(KeyGroup::number)
                        : Optional.empty());
    return new LicenseInfo(
        s.product.id(),
        s.product.name(),
        st.installation().version(),
        st.installation().edition(),
        st.record().evaluation(),
        channel,
        st.key().map(StoredKey::partial),
        group,
        status,
        st.cmid(),
        st.certificate().map(c -> c.certificate().certificateId()),
        st.record().trustedTime(),
        st.installedAt(),
        st.key().flatMap(StoredKey::encrypted).isPresent(),
        st.volume(),
        st.pendingEdition(),
        notices,
        phone().installationIdIfKnown(s),
        st.phone());
  }

  /** Configures a client. Only {@link #store} is required. */
  public static final class Builder {
    private Path store;
    private Catalog catalog;
    private Optional<String> product = Optional.empty();
    private Supplier<MachineFacts> machine;
    private Optional<URI> authority = Optional.empty();
    private List<TrustedKey> trust = List.of();
    private List<TrustedPhoneKey> phoneTrust = List.of();
    private boolean pinTrustOnFirstUse = true;
    private Clock clock = Clock.systemUTC();
    private ProxySelector proxies;
    private ConnectionOptions connectionOptions = ConnectionOptions.DEFAULT;
    private SecureRandom random = new SecureRandom();

    private Builder() {}

    /** The store directory (e.g. {@link KeywardClient#defaultStore()}). */
    public Builder store(Path store) {
      this.store = store;
      return this;
    }

    /** The catalog; the built-in {@code winserver} when not set. */
    public Builder catalog(Catalog catalog) {
      this.catalog = catalog;
      return this;
    }

    /** Which product of the store to act on; needed only when the store holds several. */
    public Builder product(String product) {
      this.product = Optional.ofNullable(product);
      return this;
    }

    /** Reads this machine's facts, once, when first needed (activation and hardware checks). */
    public Builder machine(Supplier<MachineFacts> machine) {
      this.machine = machine;
      return this;
    }

    /** The activation authority's base address; else the catalog's {@code activationUrl}. */
    public Builder authority(URI authority) {
      this.authority = Optional.ofNullable(authority);
      return this;
    }

    /** Authority keys to trust besides the catalog's and the store's pinned ones. */
    public Builder trust(List<TrustedKey> trust) {
      this.trust = List.copyOf(trust);
      return this;
    }

    /** Authority phone keys to trust for confirmation IDs besides the catalog's and pinned ones. */
    public Builder phoneTrust(List<TrustedPhoneKey> phoneTrust) {
      this.phoneTrust = List.copyOf(phoneTrust);
      return this;
    }

    /**
     * Whether {@link #activate} may fetch and pin the authority's keys when no key is trusted at
     * all (trust on first use; on by default).
     */
    public Builder pinTrustOnFirstUse(boolean pin) {
      this.pinTrustOnFirstUse = pin;
      return this;
    }

    /** The clock of every timer; the lab passes a virtual one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to reach the authority; {@link Proxies#fromEnvironment()} when not set. */
    public Builder proxies(ProxySelector proxies) {
      this.proxies = proxies;
      return this;
    }

    /** Timeout, CAs trusted for HTTPS (a CA file or an SSLContext) and a slow-answer notice. */
    public Builder connection(ConnectionOptions options) {
      this.connectionOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public KeywardClient build() {
      if (catalog == null) {
        catalog = CatalogLoader.winserver();
      }
      if (proxies == null) {
        proxies = Proxies.fromEnvironment();
      }
      return new KeywardClient(this);
    }
  }
}
