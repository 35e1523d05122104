package dev.keyward.core.volume;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.Ed25519;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * Checks a volume grant the way a client must before believing it (SPEC §11, §16): the host
 * certificate verifies with a trusted authority key and is a VOLUME_KMS_HOST activation with a
 * certified host key (else 0xC004F041: a host the authority never activated); the host key's
 * version and family cover the client's (else 0xC004F042); the grant's signature verifies with the
 * certified host key and its host id is that key's (else 0xC004F041); the grant is for this
 * product, version, edition (else 0xC004F069) and CMID (else the store was tampered with).
 *
 * <p>Time is not checked here: whether a valid grant still activates is the client's trusted-time
 * decision against {@link VolumeGrant#expiresAt()}.
 */
public final class VolumeGrantVerifier {
  private final HostGrantChecks checks;

  public VolumeGrantVerifier(List<TrustedKey> trusted, Catalog catalog) {
    this.checks = new HostGrantChecks(trusted, catalog);
  }

  public VolumeGrantCheck verify(
      SignedVolumeGrant signed, String product, String version, String edition, String cmid) {
    Optional<PublicKey> hostKey = hostKey(signed);
    if (hostKey.isEmpty()) {
      return invalid(Failure.of(ErrorCode.VOLUME_HOST_NOT_ACTIVATED, hostKeyProblem(signed)));
    }
    ActivationCertificate host = signed.hostCertificate().certificate();
    if (!checks.serves(host, product, version)) {
      return invalid(
          Failure.of(
              ErrorCode.VOLUME_HOST_ID_MISMATCH,
              "The host's key is for "
                  + host.product()
                  + " "
                  + host.version()
                  + ", which does not serve "
                  + product
                  + " "
                  + version
                  + "."));
    }
    if (!signed.signedBy(hostKey.get())
        || !signed.grant().hostId().equals(HostId.of(host.hostPublicKey().orElseThrow()))) {
      return invalid(
          Failure.of(
              ErrorCode.VOLUME_HOST_NOT_ACTIVATED,
              "The answer is not signed by the host key the authority certified."));
    }
    return HostGrantChecks.forInstallation(
            signed.grant(), "The volume activation", product, version, edition, cmid)
        .map(VolumeGrantVerifier::invalid)
        .orElseGet(() -> new VolumeGrantCheck.Valid(signed));
  }

  /**
   * The certified host key of a trusted VOLUME_KMS_HOST certificate; empty when the certificate
   * does not verify, is of another channel, or certifies no (readable) host key.
   */
  public Optional<PublicKey> hostKey(SignedVolumeGrant signed) {
    if (!(checks.certificate(signed.hostCertificate()) instanceof CertificateCheck.Valid valid)
        || valid.certificate().channel() != Channel.VOLUME_KMS_HOST) {
      return Optional.empty();
    }
    return valid.certificate().hostPublicKey().flatMap(VolumeGrantVerifier::publicKey);
  }

  /** Reads a host public key as certificates carry it (base64 of the X.509 encoding). */
  public static Optional<PublicKey> publicKey(String base64) {
    return Ed25519.publicKey(base64);
  }

  private String hostKeyProblem(SignedVolumeGrant signed) {
    ActivationCertificate host = signed.hostCertificate().certificate();
    if (checks.certificate(signed.hostCertificate()) instanceof CertificateCheck.Invalid bad) {
      return "The host's certificate does not verify with a trusted authority key ("
          + bad.failure().message()
          + "): the authority never activated this host.";
    }
    if (host.channel() != Channel.VOLUME_KMS_HOST) {
      return "The host's certificate is a " + host.channel() + " activation, not a volume host's.";
    }
    return "The host's certificate certifies no host key.";
  }

  private static VolumeGrantCheck invalid(Failure failure) {
    return new VolumeGrantCheck.Invalid(failure);
  }
}
