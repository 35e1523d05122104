package dev.keyward.core.compliance;

/**
 * The two families of access licenses. They never substitute for each other: a Windows Server CAL
 * does not allow Remote Desktop Services, and an RDS CAL does not replace a Windows Server CAL.
 */
public enum CalKind {
  /** Access to Windows Server services (files, directory, print...). */
  SERVER("CAL", "cal"),
  /** Remote Desktop Services, issued by an RDS licensing service. */
  RDS("RDS CAL", "rds");

  private final String label;
  private final String section;

  CalKind(String label, String section) {
    this.label = label;
    this.section = section;
  }

  /** As in pack names and report lines: {@code CAL}, {@code RDS CAL}. */
  public String label() {
    return label;
  }

  /** The report section this kind is shown in: {@code cal} or {@code rds}. */
  public String section() {
    return section;
  }

  /** The pack name of {@code quantity} CALs of this kind, e.g. {@code Device CAL 2022}. */
  public String packName(CalType type, ServerVersion version) {
    return (this == RDS ? "RDS " : "") + type.label() + " CAL " + version;
  }
}
