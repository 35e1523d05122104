package dev.keyward.authority;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.ActivationRow;
import dev.keyward.authority.store.CertificateStore;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.channel.KeyStanding;
import dev.keyward.core.channel.PriorActivation;
import dev.keyward.core.channel.SupportRules;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.HardwareIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * What a machine does with the activation it holds, and what support does for it: release it
 * (deactivate), renew its certificate, and give back the counts released activations took. Each
 * runs in one write transaction under core's {@link SupportRules}; activating is {@link
 * ActivationService}'s.
 */
final class HeldActivations {
  private final Store store;
  private final Database db;
  private final Keyring keyring;
  private final Supplier<Catalog> catalog;
  private final Clock clock;
  private final Downgrades downgrades;

  HeldActivations(Store store, Keyring keyring, Supplier<Catalog> catalog, Clock clock) {
    this.store = store;
    this.db = store.db();
    this.keyring = keyring;
    this.catalog = catalog;
    this.clock = clock;
    this.downgrades = new Downgrades(store, keyring, catalog, clock);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Releases the activation this machine holds (a MAK count stays spent: SupportRules). */
  String deactivate(TypedKey typed, HardwareIdentity machine) {
    typed.requireIssued(422);
    if (typed.publicVolumeKey()) {
      throw noActivation();
    }
    Instant now = now();
    return db.write(
        h -> {
          KeyRow key =
              store
                  .keys()
                  .keyByFingerprint(h, typed.fingerprint(), true)
                  .orElseThrow(() -> TypedKey.notIssued(422));
          List<ActivationRow> rows = store.activations().activations(h, key.id());
          PriorActivation held =
              SupportRules.heldBy(
                      rows.stream().map(ActivationService::prior).toList(),
                      machine,
                      typed.product().hardware())
                  .orElseThrow(HeldActivations::noActivation);
          ActivationRow row =
              rows.stream().filter(r -> r.id().equals(held.id())).findFirst().orElseThrow();
          store.activations().release(h, row.id(), now.toEpochMilli(), "released by the machine");
          refund(h, key, List.of(row), SupportRules.Releaser.MACHINE);
          return row.id();
        });
  }

  /** Gives back the counts that released activations took, where the channel returns them. */
  void refund(Handle h, KeyRow key, List<ActivationRow> released, SupportRules.Releaser releaser) {
    Channel channel = Channel.byName(key.channel()).orElseThrow();
    long spent = released.stream().filter(ActivationRow::spent).count();
    if (spent > 0 && SupportRules.releaseReturnsCount(channel, releaser)) {
      released.stream()
          .filter(ActivationRow::spent)
          .forEach(r -> store.activations().returnCount(h, r.id()));
      KeyRow pool = downgrades.poolOf(h, key);
      store
          .keys()
          .updateStanding(
              h,
              pool.withStanding(
                  pool.blocked(),
                  pool.poolSize(),
                  (int) Math.max(0, pool.poolUsed() - spent),
                  pool.extensionTotal()));
    }
  }

  private static ApiException noActivation() {
    return ApiException.refusal(
        Failure.of(
            ErrorCode.PKEY_NOT_INSTALLED,
            "This machine holds no active activation of this key, so there is nothing to"
                + " release."));
  }

  /** A fresh certificate for an activation still held by the same machine. */
  ActivationService.Issued renew(SignedCertificate presented, HardwareIdentity machine) {
    if (presented.signature().length != 64
        || !(keyring.verifier().verify(presented) instanceof CertificateCheck.Valid)) {
      throw ApiException.refusal(
          Failure.of(
              ErrorCode.STORE_TAMPERED,
              "This certificate was not signed by this activation authority, or was altered."));
    }
    ActivationCertificate old = presented.certificate();
    Instant now = now();
    return db.write(
        h -> {
          CertificateStore.CertificateRow certRow =
              store
                  .certificates()
                  .certificate(h, old.certificateId())
                  .orElseThrow(HeldActivations::unknownCertificate);
          ActivationRow row =
              store
                  .activations()
                  .activation(h, certRow.activationId())
                  .orElseThrow(HeldActivations::unknownCertificate);
          KeyRow key = store.keys().keyById(h, row.keyId(), true).orElseThrow();
          Product product =
              catalog
                  .get()
                  .product(key.product())
                  .orElseThrow(
                      () ->
                          ApiException.refusal(
                              Failure.of(
                                  ErrorCode.INVALID_PRODUCT_KEY,
                                  "This key's product is not in the catalog any more.")));
          // Re-read under the key's lock: a release may have happened meanwhile.
          row = store.activations().activation(h, row.id()).orElseThrow();
          Optional<Failure> refusal =
              SupportRules.renewal(
                  product,
                  new KeyStanding(downgrades.blocked(h, key), key.poolSize(), key.poolUsed()),
                  ActivationService.prior(row),
                  old.machine(),
                  machine);
          if (refusal.isPresent()) {
            throw ApiException.refusal(refusal.get());
          }
          String certificateId = Ids.next("cert");
          SignedCertificate signed =
              keyring
                  .signer()
                  .sign(
                      new ActivationCertificate(
                          certificateId,
                          old.keyId(),
                          old.partialKey(),
                          old.product(),
                          old.version(),
                          old.edition(),
                          old.channel(),
                          old.machine(),
                          old.cmid(),
                          now,
                          Optional.empty(),
                          keyring.signer().keyId(),
                          old.hostPublicKey()));
          String text = signed.toJsonText();
          store
              .certificates()
              .insertCertificate(h, certificateId, row.id(), now.toEpochMilli(), text);
          store.activations().setCurrentCertificate(h, row.id(), certificateId);
          return new ActivationService.Issued(text, false, row.id());
        });
  }

  private static ApiException unknownCertificate() {
    return ApiException.refusal(
        Failure.of(
            ErrorCode.PKEY_NOT_INSTALLED,
            "This authority holds no activation for this certificate; activate again."));
  }
}
