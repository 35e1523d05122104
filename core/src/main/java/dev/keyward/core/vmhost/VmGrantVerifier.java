package dev.keyward.core.vmhost;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.Ed25519;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.volume.HostId;
import dev.keyward.core.volume.VolumeVersionRule;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * Checks a VM grant the way a guest must before believing it (SPEC §12, §16): the host certificate
 * verifies with a trusted authority key and certifies an agent key (else 0xC0DE003D); it is the
 * activation of a Datacenter edition (else 0xC0DE0039); the grant is signed by that agent key and
 * names it (else 0xC0DE003D) and the host's certified version and edition; the guest's version is ≤
 * the host's (else 0xC0DE003A); the grant is for this product, version, edition (else 0xC004F069)
 * and CMID (else the store was tampered with).
 *
 * <p>Time is not checked here: whether a valid grant still activates is the guest's trusted-time
 * decision against {@link VmGrant#expiresAt()}.
 */
public final class VmGrantVerifier {
  private final CertificateVerifier certificates;
  private final Catalog catalog;

  public VmGrantVerifier(List<TrustedKey> trusted, Catalog catalog) {
    this.certificates = new CertificateVerifier(trusted);
    this.catalog = catalog;
  }

  public VmGrantCheck verify(
      SignedVmGrant signed, String product, String version, String edition, String cmid) {
    if (!(certificates.verify(signed.hostCertificate()) instanceof CertificateCheck.Valid valid)) {
      return invalid(
          ErrorCode.VM_GRANT_NOT_TRUSTED,
          "The host's certificate does not verify with a trusted authority key: the authority"
              + " never activated this host.");
    }
    ActivationCertificate host = valid.certificate();
    if (!VmHostEdition.hosts(catalog, host.product(), host.edition())) {
      return invalid(
          ErrorCode.VM_HOST_NOT_DATACENTER,
          "The host's certificate is for " + host.edition() + ", not a Datacenter edition.");
    }
    Optional<PublicKey> agentKey = host.hostPublicKey().flatMap(Ed25519::publicKey);
    VmGrant grant = signed.grant();
    if (agentKey.isEmpty()
        || !signatureMatches(signed, agentKey.get())
        || !grant.hostId().equals(HostId.of(host.hostPublicKey().orElseThrow()))
        || !grant.hostVersion().equals(host.version())
        || !grant.hostEdition().equals(host.edition())) {
      return invalid(
          ErrorCode.VM_GRANT_NOT_TRUSTED,
          "The answer is not signed by the agent key the authority certified for this host.");
    }
    Optional<Product> hostProduct = catalog.product(host.product());
    Optional<Product> guestProduct = catalog.product(product);
    if (hostProduct.isEmpty()
        || guestProduct.isEmpty()
        || !VolumeVersionRule.serves(
            hostProduct.get(), host.version(), guestProduct.get(), version)) {
      return invalid(
          ErrorCode.VM_GUEST_VERSION_NEWER,
          "The host runs " + host.version() + ", which does not activate " + version + " guests.");
    }
    if (!grant.product().equals(product)
        || !grant.version().equals(version)
        || !grant.edition().equals(edition)) {
      return invalid(
          ErrorCode.MISMATCHED_PRODUCT_SKU,
          "The VM activation is for "
              + grant.version()
              + " "
              + grant.edition()
              + ", not the installed "
              + version
              + " "
              + edition
              + ".");
    }
    if (!grant.cmid().equals(cmid)) {
      return invalid(
          ErrorCode.STORE_TAMPERED, "The VM activation was issued to another machine id.");
    }
    return new VmGrantCheck.Valid(signed);
  }

  private static boolean signatureMatches(SignedVmGrant signed, PublicKey key) {
    return Ed25519.verifies(key, signed.grant().canonicalBytes(), signed.signature());
  }

  private static VmGrantCheck invalid(ErrorCode error, String detail) {
    return new VmGrantCheck.Invalid(Failure.of(error, detail));
  }
}
