package dev.keyward.compliance;

import java.util.Objects;
import java.util.Optional;

/**
 * The access license position for one kind (Windows Server CALs or RDS CALs).
 *
 * @param type how access is licensed in this report; empty when no CAL is required
 * @param version the lowest CAL version that covers every server accessed; empty when no CAL is
 *     required
 * @param covered CALs of that type and a covering version counted, at most {@code required}
 */
public record CalCompliance(
    CalKind kind,
    Optional<CalType> type,
    Optional<ServerVersion> version,
    int required,
    int covered) {
  public CalCompliance {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(version, "version");
    if (covered < 0 || covered > required) {
      throw new IllegalArgumentException("covered must be between 0 and required");
    }
    if (required > 0 && (type.isEmpty() || version.isEmpty())) {
      throw new IllegalArgumentException("a requirement names its type and version");
    }
  }

  public static CalCompliance notRequired(CalKind kind) {
    return new CalCompliance(kind, Optional.empty(), Optional.empty(), 0, 0);
  }

  public int shortfall() {
    return required - covered;
  }
}
