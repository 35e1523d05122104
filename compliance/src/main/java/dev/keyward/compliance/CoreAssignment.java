package dev.keyward.compliance;

import java.util.Objects;

/** Core licenses of one pool (edition and version) assigned to a host. */
public record CoreAssignment(ServerEdition edition, ServerVersion version, int licenses) {
  public CoreAssignment {
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(version, "version");
    if (licenses <= 0) {
      throw new IllegalArgumentException("an assignment has at least one license");
    }
  }

  @Override
  public String toString() {
    return licenses + " " + edition.id() + " " + version;
  }
}
