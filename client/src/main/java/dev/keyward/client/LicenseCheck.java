package dev.keyward.client;

import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.cert.CertificateStanding;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.license.ActivationStanding;
import dev.keyward.core.license.LicenseDerivation;
import dev.keyward.core.license.LicenseEvent;
import dev.keyward.core.license.LicenseMachine;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.license.LicenseState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a product's state and derives its license (SPEC §16): the seal, the recorded trust, the
 * proof of activation (certificate or confirmation ID) and the hardware, through core's {@link
 * LicenseDerivation}. It never writes: a status read leaves the store byte for byte as it was, and
 * an operation saves what it derived together with its own change ({@link StoreSession#save}).
 */
final class LicenseCheck {
  private final ClientContext client;

  LicenseCheck(ClientContext client) {
    this.client = client;
  }

  /** A store's intact state, derived now. */
  Session intact(Product product, ProductState loaded, List<String> notices) {
    LicenseMachine machine = Transitions.machine(product, loaded.installation().edition());
    Instant now = client.clock().instant();
    TrustView trust = client.trust().view(loaded.trustDigest());
    LicenseDerivation derivation = new LicenseDerivation(machine);
    ActivationStanding standing =
        loaded.record().state() == LicenseState.LICENSED
            ? standing(product, loaded, trust)
            : new ActivationStanding.Absent();
    LicenseDerivation.Derived derived =
        trust.broken().isPresent()
            ? derivation.distrusted(loaded.record(), trust.broken().get(), now)
            : derivation.derive(loaded.record(), standing, now);
    ProductState state = loaded.withRecord(derived.record());
    if (derived.finding().isEmpty()) {
      return new Session(product, state, machine);
    }
    Failure finding = derived.finding().get();
    if (standing instanceof ActivationStanding.Refuted || trust.broken().isPresent()) {
      // a proof that proves nothing is not kept by the next operation
      state = state.withCertificate(Optional.empty());
    }
    notices.add(notice(finding));
    return new Session(product, state, machine, List.of(finding));
  }

  /** What the stored proof of activation shows now: a confirmation ID or a certificate. */
  private ActivationStanding standing(Product product, ProductState state, TrustView trust) {
    if (state.phone().isPresent()) {
      return new PhoneActivation(client).standing(product, state, trust);
    }
    if (VolumeClientLicense.applies(state)) {
      return new VolumeClientLicense(client).standing(product, state, trust.keys());
    }
    if (VmGuestLicense.applies(state)) {
      return new VmGuestLicense(client).standing(product, state, trust.keys());
    }
    CertificateStanding.Expected expected =
        new CertificateStanding.Expected(
            state.installation().product(),
            state.installation().version(),
            state.installation().edition(),
            state.key().map(StoredKey::partial),
            state.key().map(StoredKey::channel));
    return CertificateStanding.of(
        state.certificate(),
        trust.keys(),
        expected,
        () -> HardwareIdentity.of(client.machineFacts(), product.id()),
        product.hardware());
  }

  private static String notice(Failure finding) {
    return switch (finding.error()) {
      case OUT_OF_TOLERANCE -> finding.message();
      case AUTHORITY_NOT_TRUSTED ->
          "The activation is not trusted on this machine: " + finding.detail();
      default -> "The activation failed its check: " + finding.detail();
    };
  }

  /**
   * A store that failed its seal or cannot be read: NonGenuineGrace (never a crash), from the
   * trusted time it still tells (the last write), so that looking again does not restart the grace.
   * What the file still tells is used only where it cannot help a forger: the installation it
   * names, a trusted time, a key copy that still decrypts with this store's secret, the digest of
   * the trust recorded beside it.
   */
  Session damaged(Product product, LocalStore.Read.Damaged d, List<String> notices) {
    Instant now = client.clock().instant();
    Installation installation =
        d.installation()
            .filter(i -> i.product().equals(product.id()))
            .orElse(new Installation(product.id(), "unknown", "unknown"));
    Optional<Edition> edition = product.edition(installation.edition());
    LicenseMachine machine = Transitions.machine(product, installation.edition());
    Instant at = d.trustedTime().orElse(now);
    LicenseRecord base = machine.install(edition.map(Edition::isEvaluation).orElse(false), at);
    LicenseRecord record =
        machine.settle(
            Transitions.moved(
                machine.apply(base, new LicenseEvent.IntegrityFailed(), at), "integrity"),
            now);
    Optional<StoredKey> key = d.raw().flatMap(raw -> salvageKey(product, raw));
    String cmid =
        d.raw()
            .flatMap(StateCodec::salvageCmid)
            .flatMap(Cmid::parse)
            .map(Cmid::format)
            .orElseGet(() -> Cmid.random(client.random()).format());
    ProductState state =
        new ProductState(
            installation,
            cmid,
            at,
            key,
            Optional.empty(),
            record,
            VolumeSettings.defaults(),
            Optional.empty(),
            Optional.empty(),
            d.raw().flatMap(StateCodec::salvageTrustDigest));
    notices.add(
        "The license store failed its integrity check ("
            + d.problem()
            + "): the product is in NonGenuineGrace until it is activated again.");
    return new Session(
        product, state, machine, List.of(Failure.of(ErrorCode.STORE_TAMPERED, d.problem())));
  }

  private Optional<StoredKey> salvageKey(Product product, Map<?, ?> raw) {
    LocalStore store = client.store();
    Optional<StoreSecret> secret = store.existingSecret();
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    return StateCodec.salvageEncryptedKey(raw)
        .flatMap(e -> secret.get().decrypt(e, product.id()))
        .flatMap(
            key -> {
              KeyDecoding decoding =
                  ProductKeyCodec.decode(key.canonical(), client.catalog()::knowsGroup);
              if (!(decoding instanceof KeyDecoding.Decoded decoded)) {
                return Optional.empty();
              }
              KeyGroup group = client.catalog().keyGroup(decoded.payload().group()).orElseThrow();
              return Optional.of(
                  new StoredKey(
                      secret.get().fingerprint(key),
                      key.partial(),
                      group.number(),
                      group.channel(),
                      group.version(),
                      group.edition(),
                      Optional.of(secret.get().encrypt(key, product.id(), client.random()))));
            });
  }
}
