package dev.keyward.compliance;

/**
 * Who reaches a service: distinct users and distinct devices. A count of 0 while the other is
 * positive means access is counted the other way only (see {@link CalRules}).
 */
public record AccessCounts(int users, int devices) {
  public static final AccessCounts NONE = new AccessCounts(0, 0);

  public AccessCounts {
    if (users < 0 || devices < 0) {
      throw new IllegalArgumentException("access counts must be >= 0");
    }
  }

  public int count(CalType type) {
    return type == CalType.USER ? users : devices;
  }

  public boolean isNone() {
    return users == 0 && devices == 0;
  }
}
