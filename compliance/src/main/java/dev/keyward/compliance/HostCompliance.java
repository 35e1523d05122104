package dev.keyward.compliance;

import java.util.List;
import java.util.Objects;

/**
 * The core license position of one host.
 *
 * @param licensedAs the terms the requirement was computed under: the host's own edition, or
 *     Datacenter for a Standard host covered by Datacenter licenses; Essentials hosts (per-server
 *     license) require and cover 0 core licenses
 * @param assignments which pools cover it, for the audit trail
 */
public record HostCompliance(
    String name,
    ServerEdition edition,
    ServerVersion version,
    ServerEdition licensedAs,
    int requiredCoreLicenses,
    int coveredCoreLicenses,
    List<CoreAssignment> assignments) {
  public HostCompliance {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(licensedAs, "licensedAs");
    assignments = List.copyOf(assignments);
    if (coveredCoreLicenses < 0 || coveredCoreLicenses > requiredCoreLicenses) {
      throw new IllegalArgumentException("covered must be between 0 and required");
    }
  }

  public int shortfall() {
    return requiredCoreLicenses - coveredCoreLicenses;
  }
}
