package dev.keyward.compliance;

import java.util.Objects;

/**
 * Access licenses held: {@code quantity} CALs of one kind (Windows Server or RDS), type and
 * version.
 */
public record CalEntitlement(CalKind kind, CalType type, ServerVersion version, int quantity)
    implements Entitlement {
  public CalEntitlement {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(version, "version");
    if (quantity < 0) {
      throw new IllegalArgumentException("quantity must be >= 0");
    }
  }

  /** The pack name these CALs are sold under, e.g. {@code Device CAL 2022}. */
  public String packName() {
    return kind.packName(type, version);
  }
}
