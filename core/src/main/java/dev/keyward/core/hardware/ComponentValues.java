package dev.keyward.core.hardware;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How component values are written, shared by every source of machine facts (lab profiles, the
 * real-machine reader) so that one machine described two ways hashes the same.
 */
public final class ComponentValues {
  private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}");
  private static final String NO_MAC = "00:00:00:00:00:00";

  private ComponentValues() {}

  /**
   * The {@code cpu} value: the model name with the processor id in brackets, e.g. {@code Intel(R)
   * Xeon(R) Gold 6230 CPU @ 2.10GHz [BFEBFBFF00050657]}. Either part alone is used when the other
   * is unknown; empty when both are.
   */
  public static Optional<String> cpu(Optional<String> name, Optional<String> processorId) {
    Optional<String> cleanName = name.map(String::strip).filter(s -> !s.isEmpty());
    Optional<String> cleanId =
        processorId.map(String::strip).filter(s -> !s.isEmpty()).map(ComponentValues::upper);
    if (cleanName.isPresent() && cleanId.isPresent()) {
      return Optional.of(cleanName.get() + " [" + cleanId.get() + "]");
    }
    return cleanName.or(() -> cleanId);
  }

  /**
   * The {@code nic} value: the MAC address upper case with colons ({@code 00:50:56:AB:CD:EF});
   * empty for text that is no MAC address, and for the all-zero address interfaces without hardware
   * report.
   */
  public static Optional<String> mac(String text) {
    if (text == null || !MAC.matcher(text.strip()).matches()) {
      return Optional.empty();
    }
    String mac = upper(text.strip().replace('-', ':'));
    return mac.equals(NO_MAC) ? Optional.empty() : Optional.of(mac);
  }

  private static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }
}
