package dev.keyward.core.hardware;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The client machine id: a random id made once per installation and used by volume activation to
 * count distinct machines. It is not derived from hardware, which is why cloning a machine copies
 * it (a clone is counted once) and generalising a machine must draw a new one.
 *
 * @param value the id, a version 4 (random) UUID when made here
 */
public record Cmid(UUID value) {
  // Strict 8-4-4-4-12 hex: UUID.fromString also takes short groups such as "1-2-3-4-5".
  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final long VERSION_MASK = 0xF000L;
  private static final long VERSION_4 = 0x4000L;
  private static final long VARIANT_MASK = 0xC000_0000_0000_0000L;
  private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

  public Cmid {
    Objects.requireNonNull(value, "value");
  }

  /**
   * A new random id. Installations pass a {@link java.security.SecureRandom} so that ids cannot be
   * predicted; tests pass a seeded generator to get repeatable ids.
   */
  public static Cmid random(RandomGenerator random) {
    long high = (random.nextLong() & ~VERSION_MASK) | VERSION_4;
    long low = (random.nextLong() & ~VARIANT_MASK) | VARIANT_IETF;
    return new Cmid(new UUID(high, low));
  }

  /**
   * Reads an id as {@link #format()} writes it; any case, surrounding spaces and one pair of braces
   * (as some tools show ids) are accepted. Empty when the text is not an id.
   */
  public static Optional<Cmid> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String id = text.strip();
    if (id.startsWith("{") && id.endsWith("}")) {
      id = id.substring(1, id.length() - 1);
    }
    return CANONICAL.matcher(id).matches()
        ? Optional.of(new Cmid(UUID.fromString(id)))
        : Optional.empty();
  }

  /** The canonical text: 36 lower-case characters, e.g. {@code 0b9a4c1e-...}. */
  public String format() {
    return value.toString().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return format();
  }
}
