package dev.keyward.core.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fixed, public, keyless permutation of 104-bit values, so that keys of consecutive serials (or
 * neighbouring groups) look unrelated. It hides nothing from someone who reads this code; the
 * authority tag, not this, is what stops forgery. It is a balanced Feistel network on two 52-bit
 * halves, which is invertible whatever the round function is.
 */
final class PayloadScrambler {
  /**
   * Two rounds already make every output bit depend on every input bit, but consecutive inputs
   * still give related outputs (ProductKeyCodecProperties catches that); four are the classic
   * minimum (Luby-Rackoff) for a permutation that looks random; eight leave a margin at a cost (16
   * SHA-256 blocks per key) nobody will notice.
   */
  private static final int ROUNDS = 8;

  /**
   * Prefixed to every round input so this permutation differs from any other Feistel network over
   * SHA-256 (for instance one in another Keyward codec): changing it changes every key.
   */
  private static final byte[] DOMAIN =
      "keyward/product-key/scramble/v1".getBytes(StandardCharsets.US_ASCII);

  private static final int HALF_BYTES = 7; // 52 bits rounded up to whole bytes

  private PayloadScrambler() {}

  static PayloadBits scramble(PayloadBits plain) {
    MessageDigest sha256 = sha256();
    long left = plain.high();
    long right = plain.low();
    for (int round = 0; round < ROUNDS; round++) {
      long mixed = left ^ roundFunction(sha256, round, right);
      left = right;
      right = mixed;
    }
    return new PayloadBits(left, right);
  }

  static PayloadBits unscramble(PayloadBits scrambled) {
    MessageDigest sha256 = sha256();
    long left = scrambled.high();
    long right = scrambled.low();
    for (int round = ROUNDS - 1; round >= 0; round--) {
      long previousLeft = right ^ roundFunction(sha256, round, left);
      right = left;
      left = previousLeft;
    }
    return new PayloadBits(left, right);
  }

  /** The top 52 bits of SHA-256(domain, round index, half). */
  private static long roundFunction(MessageDigest sha256, int round, long half) {
    sha256.update(DOMAIN);
    sha256.update((byte) round);
    for (int shift = 8 * (HALF_BYTES - 1); shift >= 0; shift -= 8) {
      sha256.update((byte) (half >>> shift));
    }
    byte[] digest = sha256.digest(); // also resets for the next round
    long top = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      top = (top << 8) | (digest[i] & 0xFF);
    }
    return top >>> (Long.SIZE - PayloadBits.HALF_BITS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
