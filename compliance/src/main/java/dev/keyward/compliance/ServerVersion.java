package dev.keyward.compliance;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A product version named by its year (2019, 2022, 2025). Versions are ordered by year, which is
 * what downgrade rights and the CAL version rule compare.
 */
public record ServerVersion(int year) implements Comparable<ServerVersion> {
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

  public ServerVersion {
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("a version is a four-digit year, got " + year);
    }
  }

  public static ServerVersion of(int year) {
    return new ServerVersion(year);
  }

  /** Parses {@code "2019"}; anything that is not a four-digit year is empty. */
  public static Optional<ServerVersion> parse(String text) {
    String trimmed = text.strip();
    return YEAR.matcher(trimmed).matches()
        ? Optional.of(new ServerVersion(Integer.parseInt(trimmed)))
        : Optional.empty();
  }

  public boolean isAtLeast(ServerVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ServerVersion other) {
    return Integer.compare(year, other.year);
  }

  @Override
  public String toString() {
    return Integer.toString(year);
  }
}
