package dev.keyward.compliance;

import java.util.Objects;

/**
 * Core licenses held for one edition and version, as bought: 16-core and 2-core packs.
 *
 * @param edition Standard or Datacenter (Essentials is not sold per core)
 * @param version the version bought; covers that version and earlier ones (downgrade rights)
 */
public record CoreEntitlement(ServerEdition edition, ServerVersion version, int packs16, int packs2)
    implements Entitlement {
  public CoreEntitlement {
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(version, "version");
    if (!edition.licensedPerCore()) {
      throw new IllegalArgumentException(edition.id() + " is not sold in core packs");
    }
    if (packs16 < 0 || packs2 < 0) {
      throw new IllegalArgumentException("pack counts must be >= 0");
    }
  }

  /** Core licenses in these packs. */
  public long coreLicenses() {
    return 16L * packs16 + 2L * packs2;
  }
}
