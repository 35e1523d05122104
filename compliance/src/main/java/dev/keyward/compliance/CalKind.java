package dev.keyward.compliance;

/**
 * The two families of access licenses. They never substitute for each other: a Windows Server CAL
 * does not allow Remote Desktop Services, and an RDS CAL does not replace a Windows Server CAL.
 */
public enum CalKind {
  /** Access to Windows Server services (files, directory, print...). */
  SERVER("CAL"),
  /** Remote Desktop Services, issued by an RDS licensing service. */
  RDS("RDS CAL");

  private final String label;

  CalKind(String label) {
    this.label = label;
  }

  /** As in pack names and report lines: {@code CAL}, {@code RDS CAL}. */
  public String label() {
    return label;
  }

  /** The pack name of {@code quantity} CALs of this kind, e.g. {@code Device CAL 2022}. */
  public String packName(CalType type, ServerVersion version) {
    return (this == RDS ? "RDS " : "") + type.label() + " CAL " + version;
  }
}
