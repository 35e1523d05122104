package dev.keyward.compliance;

import java.util.Locale;
import java.util.Optional;

/** A client access license is assigned either to a named user or to a device. */
public enum CalType {
  USER("User"),
  DEVICE("Device");

  private final String label;

  CalType(String label) {
    this.label = label;
  }

  /** As in pack names: {@code User}, {@code Device}. */
  public String label() {
    return label;
  }

  /** {@code user} or {@code device}, in any case. */
  public static Optional<CalType> fromName(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "user" -> Optional.of(USER);
      case "device" -> Optional.of(DEVICE);
      default -> Optional.empty();
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
