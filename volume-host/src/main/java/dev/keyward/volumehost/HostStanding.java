package dev.keyward.volumehost;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.LocalStore;
import dev.keyward.client.VolumeHostIdentity;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.license.LicenseState;
import java.util.Optional;

/**
 * Whether the store makes this machine an activated volume host (SPEC §11): Licensed, with a
 * VOLUME_KMS_HOST certificate that verifies with a trusted authority key and certifies the host key
 * pair the store holds. Anything else is an unactivated host, which answers 0xC004F041.
 */
sealed interface HostStanding {
  /** The host may activate clients: it signs with {@code identity}, certified by {@code cert}. */
  record Ready(
      Product product,
      SignedCertificate certificate,
      VolumeHostIdentity identity,
      String storeProduct)
      implements HostStanding {}

  /** The host cannot activate anyone, and why (the 0xC004F041 answer's detail). */
  record NotReady(String reason) implements HostStanding {}

  static HostStanding of(KeywardClient client) {
    LicenseInfo info;
    try {
      info = client.status();
    } catch (KeywardException e) {
      return new NotReady("The host's store cannot be read: " + e.failure().message());
    }
    if (info.status().state() != LicenseState.LICENSED) {
      return new NotReady(
          "The volume host is not activated (its license status is "
              + info.status().state().displayName()
              + "): install a volume host key with `keyward slmgr /ipk HOSTKEY` and activate it"
              + " with `keyward slmgr /ato`.");
    }
    LocalStore store = client.store();
    Optional<SignedCertificate> certificate =
        store.load(info.product()) instanceof LocalStore.Read.Intact intact
            ? intact.state().certificate()
            : Optional.empty();
    if (certificate.isEmpty()
        || certificate.get().certificate().channel() != Channel.VOLUME_KMS_HOST) {
      return new NotReady(
          "The store is not activated with a volume host key (channel VOLUME_KMS_HOST) online:"
              + " a phone activation carries no certified host key; run `keyward slmgr /ato` once"
              + " the authority is reachable (nothing is spent).");
    }
    if (new CertificateVerifier(client.trustedKeys()).verify(certificate.get())
        instanceof CertificateCheck.Invalid invalid) {
      return new NotReady(
          "The host's activation certificate does not verify: " + invalid.failure().message());
    }
    Optional<VolumeHostIdentity> identity = VolumeHostIdentity.load(store, info.product());
    Optional<String> certified = certificate.get().certificate().hostPublicKey();
    if (identity.isEmpty()
        || certified.isEmpty()
        || !certified.get().equals(identity.get().publicKey())) {
      return new NotReady(
          "The host's certificate does not certify the host key pair in "
              + VolumeHostIdentity.file(store, info.product())
              + ": activate again with `keyward slmgr /ato` (nothing is spent).");
    }
    Optional<Product> product = client.catalog().product(certificate.get().certificate().product());
    if (product.isEmpty()) {
      return new NotReady("The host key's product is not in the catalog.");
    }
    return new Ready(product.get(), certificate.get(), identity.get(), info.product());
  }
}
