package dev.keyward.compliance;

/** The rules a report line can come from, each with the statement shown to auditors. */
public enum Rule {
  CORE_MINIMUMS(
      "every physical core is licensed, at least 8 per processor and 16 per server, in steps of 2"),
  STANDARD_VMS(
      "Standard: a full coverage of the cores allows 2 OSEs; coverages stack (N VMs need"
          + " ceil(N/2))"),
  DATACENTER_VMS("Datacenter: one full coverage allows unlimited OSEs"),
  ESSENTIALS(
      "Essentials: licensed per server, one server, up to 25 users and 50 devices, no CALs needed"),
  ENTITLEMENTS("licenses of one edition and version are pooled before they are assigned"),
  ALLOCATION(
      "pools are assigned to hosts newest version first; a host draws from the oldest pool that"
          + " may cover it"),
  DOWNGRADE("a license of version V covers the same edition at version V or earlier"),
  DOWN_EDITION(
      "Datacenter licenses may cover a whole Standard host on Datacenter terms; Standard never"
          + " covers Datacenter"),
  CAL_COUNT("one CAL per user or per device reaching Windows Server services"),
  CAL_VERSION(
      "a CAL of version V covers servers of version V or earlier; the highest version accessed"
          + " decides"),
  RDS_CAL(
      "Remote Desktop Services need RDS CALs, per user or per device, with the same version rule;"
          + " only RDS CALs count"),
  CHEAPEST_PACKS(
      "the shortfall of each edition and version is closed by the cheapest 16-core and 2-core"
          + " packs, fewest packs on a price tie"),
  VERDICT(
      "compliant when every host, CAL and RDS CAL requirement is covered and no limit is broken");

  private final String statement;

  Rule(String statement) {
    this.statement = statement;
  }

  public String statement() {
    return statement;
  }
}
