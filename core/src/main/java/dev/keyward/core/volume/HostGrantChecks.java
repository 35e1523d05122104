package dev.keyward.core.volume;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.HostGrant;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Optional;

/**
 * The checks a machine makes on any host's grant before believing it, whichever kind of host signed
 * it (a volume host's, {@link VolumeGrantVerifier}; a VM host agent's, {@code VmGrantVerifier}):
 * the host certificate against the trusted authority keys, the host's version against the machine's
 * ({@link VolumeVersionRule}), and the grant against the installation. Each verifier keeps its own
 * order, and its own codes for the certificate and the version.
 */
public final class HostGrantChecks {
  private final CertificateVerifier certificates;
  private final Catalog catalog;

  public HostGrantChecks(List<TrustedKey> trusted, Catalog catalog) {
    this.certificates = new CertificateVerifier(trusted);
    this.catalog = catalog;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The host certificate's check with the trusted authority keys. */
  public CertificateCheck certificate(SignedCertificate hostCertificate) {
    return certificates.verify(hostCertificate);
  }

  /** Whether the certified host's version activates {@code product} {@code version} machines. */
  public boolean serves(ActivationCertificate host, String product, String version) {
    Optional<Product> hostProduct = catalog.product(host.product());
    Optional<Product> machineProduct = catalog.product(product);
    return hostProduct.isPresent()
        && machineProduct.isPresent()
        && VolumeVersionRule.serves(
            hostProduct.get(), host.version(), machineProduct.get(), version);
  }

  /**
   * Whether the grant is for this installation: its product, version and edition (else 0xC004F069)
   * and its CMID (else the store was tampered with). {@code what} names the activation in the
   * detail ("The volume activation").
   */
  public static Optional<Failure> forInstallation(
      HostGrant grant, String what, String product, String version, String edition, String cmid) {
    if (!grant.product().equals(product)
        || !grant.version().equals(version)
        || !grant.edition().equals(edition)) {
      return Optional.of(
          Failure.of(
              ErrorCode.MISMATCHED_PRODUCT_SKU,
              what
                  + " is for "
                  + grant.product()
                  + " "
                  + grant.version()
                  + " "
                  + grant.edition()
                  + ", not the installed "
                  + product
                  + " "
                  + version
                  + " "
                  + edition
                  + "."));
    }
    if (!grant.cmid().equals(cmid)) {
      return Optional.of(
          Failure.of(ErrorCode.STORE_TAMPERED, what + " was issued to another machine id."));
    }
    return Optional.empty();
  }
}
