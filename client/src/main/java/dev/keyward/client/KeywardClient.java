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
import dev.keyward.core.cert.CertificateStanding;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.channel.KeyFit;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
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
import dev.keyward.core.protocol.ActivateRequest;
import dev.keyward.core.protocol.CertificateAnswer;
import dev.keyward.core.protocol.DeactivateAnswer;
import dev.keyward.core.protocol.DeactivateRequest;
import dev.keyward.core.protocol.Parsed;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 *     .trust(vendorKeys)                                  // the vendor's keys, compiled in
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
  private final TrustSources trustSources;
  private final boolean pinTrustOnFirstUse;
  private final Clock clock;
  private final ProxySelector proxies;
  private final ConnectionOptions connectionOptions;
  private final SecureRandom random;
  private final VolumeNetwork volumeNetwork;
  private MachineFacts machine;

  private KeywardClient(Builder b) {
    this.store = new LocalStore(Objects.requireNonNull(b.store, "store"), b.random);
    this.catalog = b.catalog;
    this.productChoice = b.product;
    this.machineSource = b.machine;
    this.authority = b.authority;
    this.trustSources = new TrustSources(b.trust, b.phoneTrust, b.catalog, store);
    this.pinTrustOnFirstUse = b.pinTrustOnFirstUse;
    this.clock = b.clock;
    this.proxies = b.proxies;
    this.connectionOptions = b.connectionOptions;
    this.random = b.random;
    this.volumeNetwork = b.volumeNetwork;
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

  VolumeNetwork volumeNetwork() {
    return volumeNetwork;
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

  /** The volume client settings verbs ({@code slmgr /skms}, {@code /sai}, …). */
  public VolumeClientSettings volumeSettings() {
    return new VolumeClientSettings(this);
  }

  // --- operations -----------------------------------------------------------------------------

  /**
   * Records what is installed ({@code keyward init}). Recording the same installation again changes
   * nothing; another version or edition is a reinstall: fresh timers (the trusted-time anchor is
   * kept), no key, a new CMID.
   */
  public LicenseInfo init(String productId, String version, String editionId) {
    return init(productId, version, editionId, Optional.empty());
  }

  /**
   * Records what is installed together with the vendor's trust ({@code keyward init … --trust
   * FILE}): the keys are copied into the store's {@code trust.json} and the product's sealed state
   * records their digest, so that a trust file removed or edited later is noticed. Recording the
   * same installation again records the trust and changes nothing else.
   */
  public LicenseInfo init(String productId, String version, String editionId, VendorTrust trust) {
    return init(productId, version, editionId, Optional.of(trust));
  }

  private LicenseInfo init(
      String productId, String version, String editionId, Optional<VendorTrust> trust) {
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
    Optional<String> digest = trust.map(trustSources::record);
    trust.ifPresent(
        t ->
            notices.add(
                "Recorded the vendor trust ("
                    + t.keyIds()
                    + ") in "
                    + store.trustFile()
                    + "; certificates signed by these keys are trusted."));
    LicenseRecord record;
    if (read instanceof LocalStore.Read.Intact intact
        && intact.state().installation().equals(installation)) {
      notices.add(
          product.name() + " " + version + " " + edition.id() + " is already recorded here.");
      ProductState recorded = intact.state();
      if (digest.isPresent() && !digest.equals(recorded.trustDigest())) {
        recorded = recorded.withTrustDigest(digest);
        store.save(recorded);
        event(recorded, "TrustRecorded", Map.of("keys", trust.get().keyIds()));
      }
      Session s = new LicenseCheck(this).intact(product, recorded, notices);
      return info(s, notices);
    } else if (read instanceof LocalStore.Read.Intact intact) {
      digest = digest.or(() -> intact.state().trustDigest());
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
      digest = digest.or(() -> damaged.raw().flatMap(StateCodec::salvageTrustDigest));
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
            Optional.empty(),
            Optional.empty(),
            digest);
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
      FailureLog.keyRefused(this, s.state, misfit.get(), key, group);
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
                new LicenseEvent.KeyInstalled(
                    group.channel().isVolumeClient(), s.state.installedAt()),
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
    save(s, state);
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
    if (VolumeClientLicense.applies(s.state)) {
      return new VolumeClientLicense(this).activate(s, stored, notices);
    }
    if (VmGuestLicense.applies(s.state)) {
      return new VmGuestLicense(this).activate(s, stored, notices);
    }
    if (!stored.channel().activatesAtAuthority()) {
      throw KeywardException.of(
          ErrorCode.NOT_SUPPORTED,
          "A " + stored.channel() + " key does not activate against the activation authority.");
    }
    ProductKey key = keyCopy(s, stored);
    MachineFacts facts = machineFacts();
    AuthorityConnection connection = connection();
    ActivationTrust trusted = activationTrust(s, connection, notices);
    CertificateVerifier verifier = new CertificateVerifier(trusted.keys());
    HardwareIdentity identity = HardwareIdentity.of(facts, s.product.id());
    ActivateRequest body =
        new ActivateRequest(
            key.display(),
            s.product.id(),
            s.state.installation().version(),
            s.state.installation().edition(),
            identity,
            s.state.cmid(),
            facts.oemMarker(),
            facts.simulated(),
            now,
            VolumeHostIdentity.hostPublicKey(store, s.product, stored));
    Map<String, Object> json;
    try {
      json = connection.post("/v1/activate", body.toMap(), Optional.empty());
    } catch (KeywardException e) {
      event(s.state, "ActivationRefused", Map.of("code", e.code().hex()));
      throw e;
    }
    CertificateAnswer answer =
        CertificateAnswer.parse(json)
            .orElseThrow(
                bad ->
                    KeywardException.of(
                        ErrorCode.BAD_REQUEST,
                        "The authority at "
                            + connection.base()
                            + " answered without a readable activation certificate."));
    SignedCertificate signed = answer.signed();
    Optional<Failure> untrusted = CertificateStanding.untrusted(signed, trusted.keys());
    if (untrusted.isPresent()) {
      throw new KeywardException(untrusted.get());
    }
    if (verifier.verify(signed) instanceof CertificateCheck.Invalid invalid) {
      throw new KeywardException(invalid.failure());
    }
    ActivationCertificate cert = signed.certificate();
    Optional<String> mismatch =
        CertificateStanding.mismatch(
            cert,
            new CertificateStanding.Expected(
                s.state.installation().product(),
                s.state.installation().version(),
                s.state.installation().edition(),
                Optional.of(stored.partial()),
                Optional.of(stored.channel())));
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
    ProductState state =
        s.state
            .withRecord(next)
            .withCertificate(Optional.of(signed))
            .withTrustDigest(trusted.digest());
    save(s, state);
    boolean reissued = answer.reissued();
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
        DeactivateRequest body =
            new DeactivateRequest(
                key.get().display(),
                Optional.of(s.product.id()),
                HardwareIdentity.of(machineFacts(), s.product.id()),
                Optional.of(s.state.cmid()));
        try {
          Parsed<DeactivateAnswer> answer =
              DeactivateAnswer.parse(
                  connection().post("/v1/deactivate", body.toMap(), Optional.empty()));
          notices.add(
              "The activation was released at the authority"
                  + (answer instanceof Parsed.Ok<DeactivateAnswer> ok
                      ? " (" + ok.value().activationId() + ")"
                      : "")
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
    save(s, state);
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
      save(s, state);
      event(state, "KeyCopyCleared", Map.of("partialKey", state.key().get().partial()));
    } else {
      notices.add("There is no product key copy in the store to clear.");
    }
    return info(new Session(s.product, state, s.machine), notices);
  }

  /**
   * Renews a volume client's activation when its schedule says so (7 days after the grant, every 2
   * hours after a failure, or the host's intervals), or a host-based VM activation guest's a day
   * after its last grant; empty when nothing was due.
   */
  public Optional<Activation> renewIfDue() {
    List<String> notices = new ArrayList<>();
    Session s = open(notices);
    return new VolumeClientLicense(this)
        .renewIfDue(s, notices)
        .or(() -> new VmGuestLicense(this).renewIfDue(s, notices));
  }

  /**
   * The license status ({@code slmgr /dli}, {@code /dlv}, {@code /xpr}): derived from the store,
   * the proof of activation, the trusted keys, this machine and the clock. It never writes: it
   * works on a read-only store, and what it finds is recorded by the next operation.
   */
  public LicenseInfo status() {
    List<String> notices = new ArrayList<>();
    return info(open(notices), notices);
  }

  /**
   * What is wrong and how to fix it ({@code keyward diagnose}): read-only, like {@link #status}.
   */
  public Diagnostics.Report diagnose() {
    return new Diagnostics(this).run();
  }

  /** Restarts the evaluation or the initial grace ({@code slmgr /rearm}), up to the limit. */
  public LicenseInfo rearm() {
    List<String> notices = new ArrayList<>();
    Session s = open(notices);
    LicenseRecord next =
        refusedOrNext(
            s.machine.apply(s.state.record(), new LicenseEvent.Rearmed(), clock.instant()));
    ProductState state = s.state.withRecord(next);
    save(s, state);
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
   * The vendor keys this client trusts for certificates: the builder's, the catalog's, and the
   * trust recorded in the store at installation (when the product's state still vouches for it).
   */
  public List<TrustedKey> trustedKeys() {
    return trust(currentTrustDigest()).keys();
  }

  /**
   * The vendor phone keys this client trusts for confirmation IDs, from the same sources as {@link
   * #trustedKeys()}, by index (the first of an index wins).
   */
  public List<TrustedPhoneKey> trustedPhoneKeys() {
    return trust(currentTrustDigest()).phoneKeys();
  }

  TrustView trust(Optional<String> recordedDigest) {
    return trustSources.view(recordedDigest);
  }

  private Optional<String> currentTrustDigest() {
    try {
      return store.load(chooseProduct()) instanceof LocalStore.Read.Intact intact
          ? intact.state().trustDigest()
          : Optional.empty();
    } catch (KeywardException e) {
      return Optional.empty(); // no product (yet): only the builder's and the catalog's keys
    }
  }

  /**
   * Trust on first use, for development only: fetches the authority's keys ({@code GET /v1/trust})
   * and records them in the store as an installer would. Vendor keys come from the vendor (the
   * catalog, the builder, a trust file recorded at {@code init}); a fake server that answers first
   * is trusted by this call.
   */
  public List<TrustedKey> pinTrust() {
    return trustSources.pin(connection()).keys();
  }

  /** The digest of the trust the store holds now (after a recording or a pin). */
  Optional<String> storeTrustDigest() {
    return PhoneActivation.readFile(store.trustFile(), true)
        .flatMap(VendorTrust::parse)
        .map(VendorTrust::digest);
  }

  /**
   * The keys that verify an activation: the product's trusted keys; with none at all, the
   * authority's keys pinned under the development opt-in, else a refusal before anything is sent.
   */
  private ActivationTrust activationTrust(
      Session s, AuthorityConnection connection, List<String> notices) {
    TrustView view = trust(s.state.trustDigest());
    if (view.broken().isPresent()) {
      // a removed or edited trust record is never a fresh start, not even for the opt-in
      throw new KeywardException(view.broken().get());
    }
    if (!view.keys().isEmpty()) {
      return new ActivationTrust(view.keys(), s.state.trustDigest());
    }
    if (!pinTrustOnFirstUse) {
      throw KeywardException.of(
          ErrorCode.AUTHORITY_NOT_TRUSTED,
          view.broken().map(f -> f.detail() + " ").orElse("")
              + "This machine trusts no vendor key, so no certificate could prove an activation;"
              + " nothing was sent. Record the vendor's trust file with keyward init --product P"
              + " --version V --edition E --trust FILE (an authority publishes its own as"
              + " trust.json in its data directory), or run from the directory holding the"
              + " authority's keyward-data.");
    }
    VendorTrust pinned = trustSources.pin(connection);
    notices.add(
        "Development trust on first use: pinned the keys of "
            + connection.base()
            + " ("
            + pinned.keyIds()
            + ") in "
            + store.trustFile()
            + ". Never use this against an authority you do not control.");
    return new ActivationTrust(pinned.keys(), storeTrustDigest());
  }

  /** The keys an activation is verified with, and the trust digest its state records. */
  private record ActivationTrust(List<TrustedKey> keys, Optional<String> digest) {}

  // --- opening and checking the store ---------------------------------------------------------

  /**
   * A product's state, derived and brought up to date (never saved by opening), with its catalog
   * entry and timers, and what the derivation found against the stored claim (recorded as events
   * when an operation saves).
   */
  record Session(
      Product product, ProductState state, LicenseMachine machine, List<Failure> findings) {
    Session {
      findings = List.copyOf(findings);
    }

    Session(Product product, ProductState state, LicenseMachine machine) {
      this(product, state, machine, List.of());
    }
  }

  /**
   * Saves what an operation decided, after recording as events what opening the session derived
   * against the stored claim (a status read never writes; the first operation records it).
   */
  void save(Session s, ProductState state) {
    for (Failure finding : s.findings()) {
      event(
          state,
          finding.error() == ErrorCode.OUT_OF_TOLERANCE ? "HardwareChanged" : "IntegrityFailed",
          Map.of("code", finding.error().hex(), "problem", finding.detail()));
    }
    store.save(state);
  }

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
      case LocalStore.Read.Damaged d ->
          new LicenseCheck(this).damaged(product(productId), d, notices);
      case LocalStore.Read.Intact i ->
          new LicenseCheck(this).intact(product(productId), i.state(), notices);
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

  // --- helpers --------------------------------------------------------------------------------

  Product product(String id) {
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

  static LicenseMachine machine(Product product, String editionId) {
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
        st.phone(),
        new VolumeClientLicense(this).info(s));
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
    private boolean pinTrustOnFirstUse = false;
    private Clock clock = Clock.systemUTC();
    private ProxySelector proxies;
    private ConnectionOptions connectionOptions = ConnectionOptions.DEFAULT;
    private SecureRandom random = new SecureRandom();
    private VolumeNetwork volumeNetwork = VolumeNetwork.system();

    private Builder() {}

    /** Where a volume client looks for its host: the DNS server and the machine's domain. */
    public Builder volumeNetwork(VolumeNetwork volumeNetwork) {
      this.volumeNetwork = Objects.requireNonNull(volumeNetwork, "volumeNetwork");
      return this;
    }

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

    /**
     * Vendor keys to trust besides the catalog's and the trust recorded in the store: the way a
     * vendor that embeds the SDK compiles its keys in, which no file on the machine can change.
     */
    public Builder trust(List<TrustedKey> trust) {
      this.trust = List.copyOf(trust);
      return this;
    }

    /** A vendor trust (signing and phone keys) to trust, as {@link #trust(List)} does. */
    public Builder trust(VendorTrust trust) {
      this.trust = List.copyOf(trust.keys());
      this.phoneTrust = List.copyOf(trust.phoneKeys());
      return this;
    }

    /** Authority phone keys to trust for confirmation IDs besides the catalog's and pinned ones. */
    public Builder phoneTrust(List<TrustedPhoneKey> phoneTrust) {
      this.phoneTrust = List.copyOf(phoneTrust);
      return this;
    }

    /**
     * For development only: whether {@link #activate} may fetch and pin the authority's keys when
     * no key is trusted at all (trust on first use; off by default). With it, whatever server
     * answers first is trusted; a product uses the catalog's keys, {@link #trust} or a trust file
     * recorded at {@link KeywardClient#init(String, String, String, VendorTrust)} instead.
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
