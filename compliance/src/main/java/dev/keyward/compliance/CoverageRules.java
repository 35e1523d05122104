package dev.keyward.compliance;

/**
 * Which licenses may cover which servers.
 *
 * <ul>
 *   <li>Downgrade: a core license of version V covers the same edition at V or earlier (2022
 *       Standard licenses cover a 2019 Standard host), never a later version.
 *   <li>Down-edition, our decision: Datacenter licenses may also cover a Standard host, because the
 *       Datacenter license grants every right the Standard one does. The host is then licensed on
 *       Datacenter terms (one coverage, unlimited VMs) and wholly by Datacenter licenses: licenses
 *       of two editions are never combined on one host. A Standard license never covers a
 *       Datacenter host. The key installed must still be of the installed edition and version (SPEC
 *       section 13); that is an activation concern, not a coverage one.
 *   <li>CALs: a CAL of version V covers access to servers of version V or earlier.
 * </ul>
 */
public final class CoverageRules {
  private CoverageRules() {}

  public static boolean coreLicenseCovers(
      ServerEdition licenseEdition,
      ServerVersion licenseVersion,
      ServerEdition hostEdition,
      ServerVersion hostVersion) {
    if (!licenseEdition.licensedPerCore() || !hostEdition.licensedPerCore()) {
      return false;
    }
    boolean edition =
        licenseEdition == hostEdition
            || (licenseEdition == ServerEdition.DATACENTER
                && hostEdition == ServerEdition.STANDARD);
    return edition && licenseVersion.isAtLeast(hostVersion);
  }

  public static boolean calCovers(ServerVersion calVersion, ServerVersion serverVersion) {
    return calVersion.isAtLeast(serverVersion);
  }
}
