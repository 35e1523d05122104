package dev.keyward.core.phone;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.key.KeyPayload;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators and fixed keys for the tests of this package. */
public final class PhoneArbitraries {
  private PhoneArbitraries() {}

  /** The private key of RFC 6979 A.2.5, so failures reproduce; never use it outside tests. */
  static final PhonePrivateKey AUTHORITY_KEY =
      decodePrivate("ya+p2EW6dRZrXCFXZ7HWk05Qw9s26JsSe4piKxIPZyE=");

  static final int AUTHORITY_KEY_INDEX = 3;

  static PhonePrivateKey decodePrivate(String base64) {
    return switch (PhonePrivateKey.decode(base64)) {
      case PhoneKeyDecoding.Decoded<PhonePrivateKey> d -> d.key();
      case PhoneKeyDecoding.Invalid<PhonePrivateKey> i -> throw new AssertionError(i.reason());
    };
  }

  static Arbitrary<HardwareFingerprint> fingerprints() {
    return Arbitraries.integers()
        .between(0, 255)
        .list()
        .ofSize(Component.values().length)
        .map(
            values -> {
              Map<Component, Integer> map = new EnumMap<>(Component.class);
              for (Component component : Component.values()) {
                map.put(component, values.get(component.ordinal()));
              }
              return new HardwareFingerprint(map);
            });
  }

  public static Arbitrary<InstallationId> iids() {
    return Combinators.combine(
            Arbitraries.integers().between(0, KeyPayload.MAX_GROUP),
            Arbitraries.longs().between(0, KeyPayload.MAX_SERIAL),
            Arbitraries.integers().between(0, InstallationId.MAX_VERSION_INDEX),
            Arbitraries.integers().between(0, InstallationId.MAX_EDITION_INDEX),
            fingerprints(),
            Arbitraries.integers().between(0, InstallationId.MAX_KEY_PROOF))
        .as(InstallationId::new);
  }

  /** Any value a CID can spell, signature or not. */
  static Arbitrary<ConfirmationId> cidShapes() {
    return Combinators.combine(
            Arbitraries.integers().between(0, ConfirmationId.MAX_KEY_INDEX),
            Arbitraries.integers().between(0, ConfirmationId.MAX_FLAGS),
            belowPowerOfTwo(ConfirmationId.CHALLENGE_BITS),
            belowPowerOfTwo(ConfirmationId.RESPONSE_BITS))
        .as(ConfirmationId::new);
  }

  static Arbitrary<BigInteger> belowPowerOfTwo(int bits) {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
  }

  static Arbitrary<BigInteger> scalars() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, P256.N.subtract(BigInteger.ONE));
  }

  /** {@code digits} (no separators) written back in groups of 7. */
  static String grouped(String digits) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i += DigitGroups.GROUP_LENGTH) {
      if (i > 0) {
        out.append('-');
      }
      out.append(digits, i, i + DigitGroups.GROUP_LENGTH);
    }
    return out.toString();
  }

  /** {@code digits} with the check digit of group {@code group} (1-based) made valid again. */
  static String withCheckDigitRecomputed(String digits, int group) {
    int from = (group - 1) * DigitGroups.GROUP_LENGTH;
    char check =
        CheckDigits.checkDigit(
            DigitGroups.startState(group), digits, from, from + DigitGroups.DATA_DIGITS);
    StringBuilder out = new StringBuilder(digits);
    out.setCharAt(from + DigitGroups.DATA_DIGITS, check);
    return out.toString();
  }
}
