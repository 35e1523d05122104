package dev.keyward.core.volume;

import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.VersionOrder;

/**
 * Which clients a host key serves (SPEC §11): a host key of version V activates clients of versions
 * ≤ V of its family; anything else is 0xC004F042.
 */
public final class VolumeVersionRule {
  private VolumeVersionRule() {}

  /**
   * Whether a host key for {@code hostVersion} of {@code hostProduct} serves a client of {@code
   * clientVersion} of {@code clientProduct}. Versions of one product compare in the catalog's
   * order; versions of two products of one family compare as people read them ({@link
   * VersionOrder}).
   */
  public static boolean serves(
      Product hostProduct, String hostVersion, Product clientProduct, String clientVersion) {
    if (hostProduct.family() != clientProduct.family()) {
      return false;
    }
    if (hostProduct.id().equals(clientProduct.id())) {
      return hostProduct.hasVersion(hostVersion)
          && clientProduct.hasVersion(clientVersion)
          && hostProduct.compareVersions(clientVersion, hostVersion) <= 0;
    }
    return VersionOrder.INSTANCE.compare(clientVersion, hostVersion) <= 0;
  }
}
