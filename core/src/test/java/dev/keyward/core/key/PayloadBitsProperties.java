package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PayloadBitsProperties {
  private static final long HALF_MAX = (1L << 52) - 1;

  @Property(tries = 1000)
  void packingKeepsEveryField(
      @ForAll @IntRange(max = KeyPayload.MAX_GROUP) int group,
      @ForAll @LongRange(max = KeyPayload.MAX_SERIAL) long serial,
      @ForAll @LongRange(max = KeyPayload.TAG_MASK) long tag) {
    KeyPayload payload = new KeyPayload(group, serial, tag);
    assertThat(PayloadBits.pack(payload).unpack()).isEqualTo(payload);
  }

  @Property(tries = 1000)
  void packedLayoutIsGroupThenSerialThenTag(
      @ForAll @IntRange(max = KeyPayload.MAX_GROUP) int group,
      @ForAll @LongRange(max = KeyPayload.MAX_SERIAL) long serial,
      @ForAll @LongRange(max = KeyPayload.TAG_MASK) long tag) {
    PayloadBits bits = PayloadBits.pack(new KeyPayload(group, serial, tag));
    BigInteger expected =
        BigInteger.valueOf(group)
            .shiftLeft(88)
            .or(BigInteger.valueOf(serial).shiftLeft(54))
            .or(BigInteger.valueOf(tag));
    assertThat(toBigInteger(bits)).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void scramblingIsUndoneByUnscrambling(
      @ForAll @LongRange(max = HALF_MAX) long high, @ForAll @LongRange(max = HALF_MAX) long low) {
    PayloadBits plain = new PayloadBits(high, low);
    PayloadBits scrambled = PayloadScrambler.scramble(plain);
    assertThat(PayloadScrambler.unscramble(scrambled)).isEqualTo(plain);
    assertThat(scrambled).isNotEqualTo(plain);
  }

  @Property(tries = 1000)
  void digitsRoundTrip(
      @ForAll @LongRange(max = HALF_MAX) long high, @ForAll @LongRange(max = HALF_MAX) long low) {
    PayloadBits bits = new PayloadBits(high, low);
    int[] digits = new int[KeyChecksum.KEY_SYMBOLS];
    bits.writeDigits(digits);
    for (int i = 0; i < KeyChecksum.DATA_SYMBOLS; i++) {
      assertThat(digits[i]).isBetween(0, KeyAlphabet.SIZE - 1);
    }
    assertThat(PayloadBits.readDigits(digits)).contains(bits);
  }

  @Example
  void digitsSpellingTwoToThe104OrMoreAreOutOfRange() {
    BigInteger limit = BigInteger.ONE.shiftLeft(104);
    assertThat(PayloadBits.readDigits(digitsOf(limit))).isEmpty();
    assertThat(
            PayloadBits.readDigits(
                digitsOf(BigInteger.valueOf(24).pow(23).subtract(BigInteger.ONE))))
        .isEmpty();
    assertThat(PayloadBits.readDigits(digitsOf(limit.subtract(BigInteger.ONE))))
        .contains(new PayloadBits(HALF_MAX, HALF_MAX));
  }

  @Example
  void neighbouringInputsScrambleFarApart() {
    PayloadBits first = PayloadScrambler.scramble(new PayloadBits(0, 0));
    PayloadBits second = PayloadScrambler.scramble(new PayloadBits(0, 1));
    int differingBits =
        Long.bitCount(first.high() ^ second.high()) + Long.bitCount(first.low() ^ second.low());
    assertThat(differingBits).isBetween(30, 74); // about half of 104
  }

  @Example
  void toStringDoesNotShowTheBits() {
    assertThat(new PayloadBits(123456789, 987654321).toString())
        .doesNotContain("123456789")
        .doesNotContain("987654321");
  }

  private static BigInteger toBigInteger(PayloadBits bits) {
    return BigInteger.valueOf(bits.high()).shiftLeft(52).or(BigInteger.valueOf(bits.low()));
  }

  private static int[] digitsOf(BigInteger value) {
    int[] digits = new int[KeyChecksum.KEY_SYMBOLS];
    BigInteger rest = value;
    for (int i = KeyChecksum.DATA_SYMBOLS - 1; i >= 0; i--) {
      digits[i] = rest.mod(BigInteger.valueOf(24)).intValue();
      rest = rest.divide(BigInteger.valueOf(24));
    }
    assertThat(rest).isZero();
    return digits;
  }
}
