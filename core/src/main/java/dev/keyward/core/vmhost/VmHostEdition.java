package dev.keyward.core.vmhost;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Edition;

/**
 * Which editions may host guests by host-based VM activation (SPEC §12): the Datacenter tier,
 * evaluations excepted (an evaluation is not Licensed). The authority certifies an agent key in the
 * activation certificate of such an edition, and guests check the host certificate's edition.
 */
public final class VmHostEdition {
  public static final String TIER = "Datacenter";

  private VmHostEdition() {}

  public static boolean hosts(Catalog catalog, String product, String edition) {
    return catalog
        .product(product)
        .flatMap(p -> p.edition(edition))
        .map(VmHostEdition::hosts)
        .orElse(false);
  }

  public static boolean hosts(Edition edition) {
    return TIER.equals(edition.tier()) && !edition.isEvaluation();
  }
}
