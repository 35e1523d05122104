package dev.keyward.core.hardware;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The salted hash of one component value as it leaves the machine: 128 bits as 32 lower-case hex
 * digits. 128 bits keep accidental collisions out of reach while halving what certificates carry.
 *
 * @param hex 32 lower-case hex digits
 */
public record ComponentHash(String hex) {
  private static final Pattern HEX_128 = Pattern.compile("[0-9a-f]{32}");

  public ComponentHash {
    Objects.requireNonNull(hex, "hex");
    if (!HEX_128.matcher(hex).matches()) {
      throw new IllegalArgumentException("a component hash is 32 lower-case hex digits: " + hex);
    }
  }

  /** Reads a hash received from elsewhere (a certificate, a request); empty if malformed. */
  public static Optional<ComponentHash> parse(String text) {
    return text != null && HEX_128.matcher(text).matches()
        ? Optional.of(new ComponentHash(text))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return hex;
  }
}
