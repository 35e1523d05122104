package dev.keyward.core.key;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A 104-bit value held as two 52-bit halves: the shape the scrambler permutes and the data symbols
 * spell. Payload layout, most significant bit first: group (16) | serial (34) | tag (54), so the
 * high half is group, serial and the top 2 bits of the tag.
 */
record PayloadBits(long high, long low) {
  static final int HALF_BITS = 52;
  static final long HALF_MASK = (1L << HALF_BITS) - 1;
  static final int TOTAL_BITS = 2 * HALF_BITS;

  private static final int TAG_BITS_IN_HIGH = KeyPayload.TAG_BITS - HALF_BITS;
  private static final int SERIAL_SHIFT = TAG_BITS_IN_HIGH;
  private static final int GROUP_SHIFT = SERIAL_SHIFT + KeyPayload.SERIAL_BITS;
  private static final BigInteger BASE = BigInteger.valueOf(KeyAlphabet.SIZE);
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(TOTAL_BITS);

  static {
    if (KeyPayload.GROUP_BITS + KeyPayload.SERIAL_BITS + KeyPayload.TAG_BITS != TOTAL_BITS) {
      throw new AssertionError("payload fields must fill exactly 104 bits");
    }
  }

  PayloadBits {
    if ((high & ~HALF_MASK) != 0 || (low & ~HALF_MASK) != 0) {
      throw new IllegalArgumentException("each half holds 52 bits");
    }
  }

  static PayloadBits pack(KeyPayload payload) {
    long high =
        ((long) payload.group() << GROUP_SHIFT)
            | (payload.serial() << SERIAL_SHIFT)
            | (payload.tag() >>> HALF_BITS);
    return new PayloadBits(high, payload.tag() & HALF_MASK);
  }

  KeyPayload unpack() {
    int group = (int) (high >>> GROUP_SHIFT);
    long serial = (high >>> SERIAL_SHIFT) & KeyPayload.MAX_SERIAL;
    long tag = ((high & ((1L << TAG_BITS_IN_HIGH) - 1)) << HALF_BITS) | low;
    return new KeyPayload(group, serial, tag);
  }

  /** Writes this value as 23 base-24 digits, most significant first, into {@code digits[0..22]}. */
  void writeDigits(int[] digits) {
    BigInteger rest = BigInteger.valueOf(high).shiftLeft(HALF_BITS).or(BigInteger.valueOf(low));
    for (int i = KeyChecksum.DATA_SYMBOLS - 1; i >= 0; i--) {
      BigInteger[] quotientAndRemainder = rest.divideAndRemainder(BASE);
      digits[i] = quotientAndRemainder[1].intValue();
      rest = quotientAndRemainder[0];
    }
  }

  /**
   * Reads the 23 base-24 digits in {@code digits[0..22]}; empty when they spell 2^104 or more,
   * which no key encodes (23 digits reach up to 24^23, about 2^105.5).
   */
  static Optional<PayloadBits> readDigits(int[] digits) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < KeyChecksum.DATA_SYMBOLS; i++) {
      value = value.multiply(BASE).add(BigInteger.valueOf(digits[i]));
    }
    if (value.compareTo(LIMIT) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new PayloadBits(value.shiftRight(HALF_BITS).longValue(), value.longValue() & HALF_MASK));
  }

  /** The halves spell a key (scrambled) or its tag (plain): never print them. */
  @Override
  public String toString() {
    return "PayloadBits[104 bits]";
  }
}
