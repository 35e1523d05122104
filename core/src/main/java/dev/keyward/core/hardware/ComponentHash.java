package dev.keyward.core.hardware;

import java.util.Objects;
import java.util.Optional;

/**
 * The salted hash of one component value as it leaves the machine: 128 bits as 32 lower-case hex
 * digits. 128 bits keep accidental collisions out of reach while halving what certificates carry.
 *
 * @param hex 32 lower-case hex digits
 */
public record ComponentHash(String hex) {
  /** How many hex digits a hash has. */
  public static final int HEX_DIGITS = 32;

  public ComponentHash {
    Objects.requireNonNull(hex, "hex");
    if (!isHex128(hex)) {
      throw new IllegalArgumentException("a component hash is 32 lower-case hex digits: " + hex);
    }
  }

  /** Reads a hash received from elsewhere (a certificate, a request); empty if malformed. */
  public static Optional<ComponentHash> parse(String text) {
    if (text == null || text.length() != HEX_DIGITS) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ComponentHash(text)); // the constructor checks the digits, once
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Exactly 32 characters, each {@code 0-9} or {@code a-f} (every stored activation has ten). */
  private static boolean isHex128(String text) {
    if (text.length() != HEX_DIGITS) {
      return false;
    }
    for (int i = 0; i < HEX_DIGITS; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return hex;
  }
}
