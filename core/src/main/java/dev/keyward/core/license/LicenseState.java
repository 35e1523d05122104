package dev.keyward.core.license;

import java.util.Locale;
import java.util.Optional;

/**
 * The license states of SPEC §5. The codes and display names are what {@code slmgr /dli}, the
 * {@code --json} fields {@code licenseStatus} / {@code licenseStatusCode} and lab files use; they
 * never change.
 */
public enum LicenseState {
  UNLICENSED(0, "Unlicensed"),
  LICENSED(1, "Licensed"),
  INITIAL_GRACE(2, "InitialGrace"),
  ADDITIONAL_GRACE(3, "AdditionalGrace"),
  NON_GENUINE_GRACE(4, "NonGenuineGrace"),
  NOTIFICATION(5, "Notification"),
  EXTENDED_GRACE(6, "ExtendedGrace");

  private final int code;
  private final String displayName;

  LicenseState(int code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  /** The stable numeric code, 0 to 6. */
  public int code() {
    return code;
  }

  /** The stable name, e.g. {@code InitialGrace}. */
  public String displayName() {
    return displayName;
  }

  /**
   * Whether the state runs on a timer that ends it: the four grace states. (Licensed may also end,
   * when its activation expires; that deadline belongs to the activation, not to the state.)
   */
  public boolean isGrace() {
    return this == INITIAL_GRACE
        || this == ADDITIONAL_GRACE
        || this == NON_GENUINE_GRACE
        || this == EXTENDED_GRACE;
  }

  /** The state with this code, or empty when the code is not 0 to 6. */
  public static Optional<LicenseState> fromCode(int code) {
    for (LicenseState state : values()) {
      if (state.code == code) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }

  /**
   * The state with this display name, ignoring case and surrounding blanks ({@code "Notification"},
   * {@code "initialgrace"}); empty for anything else, including null.
   */
  public static Optional<LicenseState> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (LicenseState state : values()) {
      if (state.displayName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }

  /** The display name, so that text output shows {@code InitialGrace}, not the constant. */
  @Override
  public String toString() {
    return displayName;
  }
}
