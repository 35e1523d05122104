package dev.keyward.core.time;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in catalogs and scenarios: {@code 180d}, {@code 7d}, {@code 2h},
 * {@code 90m}, {@code 30s}, or combined {@code 1d12h}; ISO-8601 ({@code P180D}, {@code PT2H}) is
 * accepted too.
 */
public final class DurationText {
  private static final Pattern SHORT =
      Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private DurationText() {}

  public static Optional<Duration> parse(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        return Optional.of(Duration.parse(trimmed.toUpperCase()));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    Matcher m = SHORT.matcher(trimmed.toLowerCase());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Duration d = Duration.ZERO;
      if (m.group(1) != null) d = d.plusDays(Long.parseLong(m.group(1)));
      if (m.group(2) != null) d = d.plusHours(Long.parseLong(m.group(2)));
      if (m.group(3) != null) d = d.plusMinutes(Long.parseLong(m.group(3)));
      if (m.group(4) != null) d = d.plusSeconds(Long.parseLong(m.group(4)));
      return Optional.of(d);
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The shortest short form: {@code 180d}, {@code 2h}, {@code 1d12h}, {@code 0s}. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    if (days > 0) out.append(days).append('d');
    if (hours > 0) out.append(hours).append('h');
    if (minutes > 0) out.append(minutes).append('m');
    if (rest > 0) out.append(rest).append('s');
    return out.toString();
  }
}
