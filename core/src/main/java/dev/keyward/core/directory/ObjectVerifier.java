package dev.keyward.core.directory;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.Ed25519;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.volume.VolumeGrantVerifier;
import dev.keyward.core.volume.VolumeVersionRule;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The rule a volume client applies to an activation object before it activates from it (SPEC §12,
 * §16): the host certificate verifies with a trusted authority key, is a VOLUME_KMS_HOST activation
 * certifying a key, is not expired, and that key signed the object, whose product and version are
 * the certificate's (else 0xC0DE0033: nobody the authority vouched for wrote it); the host key's
 * family and version cover the client's product and version, as a volume host's would (else
 * 0xC0DE0034: the object is genuine but not for this client).
 */
public final class ObjectVerifier {
  private final CertificateVerifier certificates;
  private final Catalog catalog;
  private final Clock clock;

  public ObjectVerifier(List<TrustedKey> trusted, Catalog catalog, Clock clock) {
    this.certificates = new CertificateVerifier(trusted);
    this.catalog = catalog;
    this.clock = clock;
  }

  public ObjectCheck verify(ActivationObject o, String product, String version) {
    Optional<Failure> untrusted = untrusted(o);
    if (untrusted.isPresent()) {
      return new ObjectCheck.Invalid(untrusted.get());
    }
    Optional<Product> host = catalog.product(o.product());
    Optional<Product> client = catalog.product(product);
    if (host.isEmpty()
        || client.isEmpty()
        || !host.get().family().yamlName().equals(o.family())
        || !VolumeVersionRule.serves(host.get(), o.version(), client.get(), version)) {
      return new ObjectCheck.Invalid(
          Failure.of(
              ErrorCode.NO_ACTIVATION_OBJECT,
              "The object '"
                  + o.name()
                  + "' is for "
                  + o.product()
                  + " "
                  + o.version()
                  + " ("
                  + o.family()
                  + " family), which does not cover "
                  + product
                  + " "
                  + version
                  + "."));
    }
    return new ObjectCheck.Valid(o);
  }

  /** Why the object's signatures do not tie it to a trusted authority, if they do not. */
  private Optional<Failure> untrusted(ActivationObject o) {
    if (certificates.verify(o.hostCertificate()) instanceof CertificateCheck.Invalid bad) {
      return untrusted(
          o,
          "its host certificate does not verify with a trusted authority key ("
              + bad.failure().detail()
              + ")");
    }
    ActivationCertificate cert = o.hostCertificate().certificate();
    if (cert.channel() != Channel.VOLUME_KMS_HOST) {
      return untrusted(o, "its certificate is a " + cert.channel() + " activation, not a host's");
    }
    if (cert.expiresAt().map(e -> !clock.instant().isBefore(e)).orElse(false)) {
      return untrusted(o, "its host certificate expired at " + cert.expiresAt().get());
    }
    Optional<PublicKey> key = cert.hostPublicKey().flatMap(VolumeGrantVerifier::publicKey);
    if (key.isEmpty()) {
      return untrusted(o, "its certificate certifies no key");
    }
    if (!signatureMatches(o, key.get())) {
      return untrusted(o, "it is not signed by the key its certificate certifies");
    }
    if (!cert.product().equals(o.product()) || !cert.version().equals(o.version())) {
      return untrusted(
          o,
          "it claims "
              + o.product()
              + " "
              + o.version()
              + " but its certificate is for "
              + cert.product()
              + " "
              + cert.version());
    }
    return Optional.empty();
  }

  private static Optional<Failure> untrusted(ActivationObject o, String why) {
    return Optional.of(
        Failure.of(
            ErrorCode.ACTIVATION_OBJECT_UNTRUSTED,
            "The activation object '" + o.name() + "' proves nothing: " + why + "."));
  }

  private static boolean signatureMatches(ActivationObject o, PublicKey key) {
    return Ed25519.verifies(key, o.canonicalBytes(), o.signature());
  }
}
