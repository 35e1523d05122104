package dev.keyward.core.cert;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.Tolerance;
import dev.keyward.core.hardware.TolerancePolicy;
import dev.keyward.core.hardware.ToleranceResult;
import dev.keyward.core.license.ActivationStanding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a stored activation certificate proves on this machine now (SPEC §16): signed by a trusted
 * vendor key, for the installed product, version, edition and key, for this machine within
 * tolerance. The expiry it carries is left to {@code LicenseDerivation}, against trusted time.
 */
public final class CertificateStanding {
  private CertificateStanding() {}

  /**
   * What the certificate must match: the installation and the installed key.
   *
   * @param partialKey the installed key's last five symbols; empty when no key is installed
   * @param channel the installed key's channel; empty when unknown
   */
  public record Expected(
      String product,
      String version,
      String edition,
      Optional<String> partialKey,
      Optional<Channel> channel) {
    public Expected {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(edition, "edition");
      Objects.requireNonNull(partialKey, "partialKey");
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * The standing of {@code signed}: absent, refuted (signature, trust, installation or key), for
   * another machine, or proven until its expiry. The machine is read only when the rest holds.
   */
  public static ActivationStanding of(
      Optional<SignedCertificate> signed,
      List<TrustedKey> trusted,
      Expected expected,
      Supplier<HardwareIdentity> machine,
      TolerancePolicy tolerance) {
    if (signed.isEmpty()) {
      return new ActivationStanding.Absent();
    }
    Optional<Failure> untrusted = untrusted(signed.get(), trusted);
    if (untrusted.isPresent()) {
      return new ActivationStanding.Refuted(untrusted.get());
    }
    if (new CertificateVerifier(trusted).verify(signed.get())
        instanceof CertificateCheck.Invalid invalid) {
      return new ActivationStanding.Refuted(invalid.failure());
    }
    ActivationCertificate cert = signed.get().certificate();
    Optional<String> mismatch = mismatch(cert, expected);
    if (mismatch.isPresent()) {
      return new ActivationStanding.Refuted(
          Failure.of(
              ErrorCode.STORE_TAMPERED,
              "The activation certificate is not for this installation: " + mismatch.get() + "."));
    }
    if (Tolerance.compare(cert.machine(), machine.get(), tolerance)
        instanceof ToleranceResult.Outside outside) {
      return new ActivationStanding.OtherMachine(outside.failure());
    }
    return new ActivationStanding.Proven(cert.expiresAt().orElse(null));
  }

  /**
   * Why a certificate's signing key is not one this machine trusts, naming it and how trust is
   * given ({@link ErrorCode#AUTHORITY_NOT_TRUSTED}); empty when the key id is trusted (its
   * signature is then {@link CertificateVerifier}'s to check). Not a damaged store: a key this
   * machine was never told to trust.
   */
  public static Optional<Failure> untrusted(SignedCertificate signed, List<TrustedKey> trusted) {
    String keyId = signed.certificate().signingKeyId();
    if (trusted.stream().anyMatch(k -> k.id().equals(keyId))) {
      return Optional.empty();
    }
    return Optional.of(
        Failure.of(
            ErrorCode.AUTHORITY_NOT_TRUSTED,
            "The certificate was signed by key '"
                + keyId
                + "', which this machine does not trust ("
                + (trusted.isEmpty()
                    ? "it trusts no vendor key at all"
                    : "it trusts "
                        + String.join(", ", trusted.stream().map(TrustedKey::id).toList()))
                + "). Trust comes from the vendor: the catalog's trustedKeys, a trust file"
                + " recorded with keyward init --trust FILE, or the authority's own data"
                + " directory."));
  }

  /** Why the certificate is not for this installation and key, if it is not. */
  public static Optional<String> mismatch(ActivationCertificate cert, Expected expected) {
    if (!cert.product().equals(expected.product())) {
      return Optional.of("it is for product " + cert.product());
    }
    if (!cert.version().equals(expected.version())) {
      return Optional.of("it is for version " + cert.version());
    }
    if (!cert.edition().equals(expected.edition())) {
      return Optional.of("it is for edition " + cert.edition());
    }
    if (expected.partialKey().isEmpty()) {
      return Optional.of("no product key is installed");
    }
    if (!cert.partialKey().equals(expected.partialKey().get())) {
      return Optional.of("it is for the key ending in " + cert.partialKey());
    }
    if (expected.channel().isPresent() && expected.channel().get() != cert.channel()) {
      return Optional.of("it is for a " + cert.channel() + " key");
    }
    return Optional.empty();
  }
}
