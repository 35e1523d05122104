package dev.keyward.hardware.oshi;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what firmware and OSHI report into a component value, or nothing. Firmware is full of
 * placeholders that vendors never replaced ("To Be Filled By O.E.M.", all-zero UUIDs), and OSHI
 * reports "unknown" for what it cannot read. Hashing those would make unrelated machines share a
 * component, so they count as absent.
 */
final class FirmwareText {
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "unknown", // OSHI's own answer when it cannot read a value
          "none",
          "n/a",
          "na",
          "not specified",
          "not applicable",
          "not available",
          "to be filled by o.e.m.",
          "to be filled by oem",
          "default string",
          "system serial number",
          "base board serial number",
          "chassis serial number",
          "serial number",
          "0123456789",
          "1234567890",
          "invalid",
          "empty",
          "oem",
          // A well-known bogus SMBIOS UUID that many boards of one firmware vendor share.
          "03000200-0400-0500-0006-000700080009");

  private FirmwareText() {}

  /** {@code raw} stripped, or empty when it is missing, blank or a known placeholder. */
  static Optional<String> clean(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String text = raw.replace("\0", "").strip();
    if (text.isEmpty()
        || PLACEHOLDERS.contains(text.toLowerCase(Locale.ROOT))
        || isOneRepeatedSymbol(text)) {
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** {@code 00000000-0000-...}, {@code FFFFFFFF}, {@code xxxxxxx}: filler, not an identity. */
  private static boolean isOneRepeatedSymbol(String text) {
    String symbols = text.replaceAll("[\\s\\-:.]", "").toLowerCase(Locale.ROOT);
    return symbols.length() > 1 && symbols.chars().distinct().count() == 1;
  }
}
