package dev.keyward.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * Essentials: licensed per server (not per core), for up to 25 users and 50 devices, and needs no
 * CALs. Past either limit the server is out of compliance and no pack fixes it; the way out is
 * Standard (with core licenses and CALs).
 *
 * <p>The input has one {@code access} section for the whole inventory, so every Essentials host is
 * checked against all of it (our reading, as for CALs: everyone may reach every server). The
 * per-server Essentials license itself is not an entitlement kind of the input and is not checked.
 */
public final class EssentialsRules {
  public static final int MAX_USERS = 25;
  public static final int MAX_DEVICES = 50;

  private EssentialsRules() {}

  /** The limits {@code host} breaks when {@code access} reaches it; empty when within them. */
  public static List<LimitBreach> breaches(Host host, AccessCounts access) {
    List<LimitBreach> breaches = new ArrayList<>();
    if (access.users() > MAX_USERS) {
      breaches.add(new LimitBreach(host.name(), "users", MAX_USERS, access.users()));
    }
    if (access.devices() > MAX_DEVICES) {
      breaches.add(new LimitBreach(host.name(), "devices", MAX_DEVICES, access.devices()));
    }
    return breaches;
  }

  static List<LimitBreach> check(Host host, AccessCounts access, List<ReportLine> lines) {
    List<LimitBreach> breaches = breaches(host, access);
    String counts =
        String.format(
            "%d users %s %d, %d devices %s %d",
            access.users(),
            access.users() > MAX_USERS ? ">" : "<=",
            MAX_USERS,
            access.devices(),
            access.devices() > MAX_DEVICES ? ">" : "<=",
            MAX_DEVICES);
    if (breaches.isEmpty()) {
      lines.add(
          new ReportLine(
              Rule.ESSENTIALS,
              host.name()
                  + ": ServerEssentials is licensed per server, not per core; "
                  + counts
                  + " -> within the limits, no CALs needed"));
    } else {
      CoreRequirement asStandard = CoreRules.requirement(host, ServerEdition.STANDARD);
      lines.add(
          new ReportLine(
              Rule.ESSENTIALS,
              String.format(
                  "%s: %s -> out of compliance; no pack raises the Essentials limits: move it to"
                      + " ServerStandard (%d x %d cores, %d VMs -> %d core licenses) with CALs",
                  host.name(),
                  counts,
                  host.processors(),
                  host.coresPerProcessor(),
                  host.vms(),
                  asStandard.required())));
    }
    return breaches;
  }
}
