package dev.keyward.client;

import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.channel.KeyFit;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.license.LicenseEvent;
import dev.keyward.core.license.LicenseMachine;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.license.LicenseState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an installer and {@code slmgr /ipk} record: the installation ({@code keyward init}, with the
 * vendor's trust when given) and the product key, checked offline against the catalog.
 */
final class Installer {
  private final ClientContext client;
  private final LocalStore store;
  private final StoreSession sessions;

  Installer(ClientContext client) {
    this.client = client;
    this.store = client.store();
    this.sessions = client.sessions();
  }

  LicenseInfo init(
      String productId, String version, String editionId, Optional<VendorTrust> trust) {
    Product product = client.product(productId);
    Edition edition = edition(product, version, editionId);
    Installation installation = new Installation(product.id(), version, edition.id());
    Instant now = client.clock().instant();
    LicenseMachine machine = Transitions.machine(product, edition.id());
    LocalStore.Read read = store.load(product.id());
    List<String> notices = new ArrayList<>();
    Optional<String> digest = trust.map(client.trustSources()::record);
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
      return recordedAgain(product, intact.state(), digest, trust, notices);
    } else if (read instanceof LocalStore.Read.Intact intact) {
      digest = digest.or(() -> intact.state().trustDigest());
      record =
          Transitions.moved(
              machine.apply(intact.state().record(), installed(edition), now), "reinstall");
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
            Cmid.random(client.random()).format(),
            now,
            Optional.empty(),
            Optional.empty(),
            record,
            VolumeSettings.defaults(),
            Optional.empty(),
            Optional.empty(),
            digest);
    store.save(state);
    sessions.event(state, "Installed", Map.of("version", version, "edition", edition.id()));
    return client.infos().build(new Session(product, state, machine), notices);
  }

  /** The same installation recorded again: only a newly given trust is recorded. */
  private LicenseInfo recordedAgain(
      Product product,
      ProductState recorded,
      Optional<String> digest,
      Optional<VendorTrust> trust,
      List<String> notices) {
    Installation installation = recorded.installation();
    notices.add(
        product.name()
            + " "
            + installation.version()
            + " "
            + installation.edition()
            + " is already recorded here.");
    if (digest.isPresent() && !digest.equals(recorded.trustDigest())) {
      recorded = recorded.withTrustDigest(digest);
      store.save(recorded);
      sessions.event(recorded, "TrustRecorded", Map.of("keys", trust.get().keyIds()));
    }
    Session s = new LicenseCheck(client).intact(product, recorded, notices);
    return client.infos().build(s, notices);
  }

  private static Edition edition(Product product, String version, String editionId) {
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
    return product
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
  }

  LicenseInfo installKey(String typed) {
    List<String> notices = new ArrayList<>();
    Session s = sessions.open(notices);
    KeyDecoding.Decoded decoded = decode(typed);
    ProductKey key = decoded.key();
    KeyGroup group = client.catalog().keyGroup(decoded.payload().group()).orElseThrow();
    Instant now = client.clock().instant();
    // opening settled the record at the present: its state is what the machine's status says
    LicenseState derived = s.state().record().state();
    boolean evaluationExpired =
        s.state().record().evaluation() && derived == LicenseState.NOTIFICATION;
    Optional<Failure> misfit =
        KeyFit.check(s.product(), s.state().installation(), group, evaluationExpired);
    if (misfit.isPresent()) {
      FailureLog.keyRefused(client, s.state(), misfit.get(), key, group);
      throw new KeywardException(misfit.get());
    }
    String fingerprint = store.secret().fingerprint(key);
    boolean same = s.state().key().map(k -> k.fingerprint().equals(fingerprint)).orElse(false);
    if (same && derived == LicenseState.LICENSED && s.state().certificate().isPresent()) {
      notices.add("This product key is already installed and activated.");
      return client.infos().build(s, notices);
    }
    LicenseRecord next =
        Transitions.refusedOrNext(
            s.machine()
                .apply(
                    s.state().record(),
                    new LicenseEvent.KeyInstalled(
                        group.channel().isVolumeClient(), s.state().installedAt()),
                    now));
    StoredKey stored =
        new StoredKey(
            fingerprint,
            key.partial(),
            group.number(),
            group.channel(),
            group.version(),
            group.edition(),
            Optional.of(store.secret().encrypt(key, s.product().id(), client.random())));
    ProductState state =
        s.state().withRecord(next).withKey(Optional.of(stored)).withCertificate(Optional.empty());
    sessions.save(s, state);
    sessions.event(
        state, "KeyInstalled", Map.of("partialKey", key.partial(), "channel", group.channel()));
    return client.infos().build(s.with(state), notices);
  }

  private KeyDecoding.Decoded decode(String typed) {
    return switch (ProductKeyCodec.decode(
        typed == null ? "" : typed, client.catalog()::knowsGroup)) {
      case KeyDecoding.Decoded decoded -> decoded;
      case KeyDecoding.Rejected rejected -> throw new KeywardException(rejected.failure());
    };
  }

  private static LicenseEvent installed(Edition edition) {
    return new LicenseEvent.Installed(edition.isEvaluation());
  }

  private static Instant later(Instant now, Optional<Instant> other) {
    return other.filter(o -> o.isAfter(now)).orElse(now);
  }
}
