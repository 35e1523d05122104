package dev.keyward.core.vmhost;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.Ed25519;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.volume.HostGrantChecks;
import dev.keyward.core.volume.HostId;
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
  private final HostGrantChecks checks;

  public VmGrantVerifier(List<TrustedKey> trusted, Catalog catalog) {
    this.checks = new HostGrantChecks(trusted, catalog);
  }

  public VmGrantCheck verify(
      SignedVmGrant signed, String product, String version, String edition, String cmid) {
    if (!(checks.certificate(signed.hostCertificate()) instanceof CertificateCheck.Valid valid)) {
      return invalid(
          Failure.of(
              ErrorCode.VM_GRANT_NOT_TRUSTED,
              "The host's certificate does not verify with a trusted authority key: the"
                  + " authority never activated this host."));
    }
    ActivationCertificate host = valid.certificate();
    if (!VmHostEdition.hosts(checks.catalog(), host.product(), host.edition())) {
      return invalid(
          Failure.of(
              ErrorCode.VM_HOST_NOT_DATACENTER,
              "The host's certificate is for " + host.edition() + ", not a Datacenter edition."));
    }
    Optional<PublicKey> agentKey = host.hostPublicKey().flatMap(Ed25519::publicKey);
    VmGrant grant = signed.grant();
    if (agentKey.isEmpty()
        || !signed.signedBy(agentKey.get())
        || !grant.hostId().equals(HostId.of(host.hostPublicKey().orElseThrow()))
        || !grant.hostVersion().equals(host.version())
        || !grant.hostEdition().equals(host.edition())) {
      return invalid(
          Failure.of(
              ErrorCode.VM_GRANT_NOT_TRUSTED,
              "The answer is not signed by the agent key the authority certified for this"
                  + " host."));
    }
    if (!checks.serves(host, product, version)) {
      return invalid(
          Failure.of(
              ErrorCode.VM_GUEST_VERSION_NEWER,
              "The host runs "
                  + host.version()
                  + ", which does not activate "
                  + version
                  + " guests."));
    }
    return HostGrantChecks.forInstallation(
            grant, "The VM activation", product, version, edition, cmid)
        .map(VmGrantVerifier::invalid)
        .orElseGet(() -> new VmGrantCheck.Valid(signed));
  }

  private static VmGrantCheck invalid(Failure failure) {
    return new VmGrantCheck.Invalid(failure);
  }
}
