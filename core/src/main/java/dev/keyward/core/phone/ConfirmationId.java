package dev.keyward.core.phone;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The confirmation ID (CID, SPEC §10): the authority's answer to one installation ID, which the
 * machine checks with the authority's public key alone. 20 groups of 7 digits ({@link
 * DigitGroups}), 140 digits:
 *
 * <pre>
 *   bits  field
 *      8  key index   which authority signing key (keys rotate; the catalog trusts them by index)
 *      6  flags       0 in this format; signed, so later formats can give them a meaning
 *    128  challenge   e of a half-size Schnorr signature over P-256 ({@link HalfSchnorr})
 *    256  response    s of that signature, below the group order
 *    398  in all, most significant first, written as 120 decimal digits (10^120 > 2^398)
 * </pre>
 *
 * <p>The signed message is {@code "keyward/phone/cid/v1" || 0x00 || the IID's 23 canonical bytes ||
 * key index || flags}: a CID confirms exactly one IID (key group, serial and key proof, installed
 * version and edition, hardware) and names the key that made it.
 *
 * @param keyIndex the authority key that signed, 0..255
 * @param flags 0..63; 0 is the only value this format defines
 * @param challenge the signature's e, below 2^128
 * @param response the signature's s, below 2^256 (a valid one is below P-256's order)
 */
public record ConfirmationId(int keyIndex, int flags, BigInteger challenge, BigInteger response) {
  public static final int KEY_INDEX_BITS = 8;
  public static final int FLAGS_BITS = 6;
  public static final int CHALLENGE_BITS = HalfSchnorr.CHALLENGE_BITS;
  public static final int RESPONSE_BITS = 256;
  public static final int MAX_KEY_INDEX = (1 << KEY_INDEX_BITS) - 1;
  public static final int MAX_FLAGS = (1 << FLAGS_BITS) - 1;

  /** Bits of the whole value. */
  public static final int PAYLOAD_BITS =
      KEY_INDEX_BITS + FLAGS_BITS + CHALLENGE_BITS + RESPONSE_BITS;

  /** Groups as written. */
  public static final int GROUPS = 20;

  /** Digits as typed, check digits included. */
  public static final int DIGITS = GROUPS * DigitGroups.GROUP_LENGTH;

  private static final byte[] DOMAIN = "keyward/phone/cid/v1".getBytes(StandardCharsets.US_ASCII);
  private static final String NAME = "confirmation ID";

  public ConfirmationId {
    if (keyIndex < 0 || keyIndex > MAX_KEY_INDEX) {
      throw new IllegalArgumentException("key index must be 0.." + MAX_KEY_INDEX);
    }
    if (flags < 0 || flags > MAX_FLAGS) {
      throw new IllegalArgumentException("flags must be 0.." + MAX_FLAGS);
    }
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(response, "response");
    if (challenge.signum() < 0 || challenge.bitLength() > CHALLENGE_BITS) {
      throw new IllegalArgumentException("challenge must be below 2^" + CHALLENGE_BITS);
    }
    if (response.signum() < 0 || response.bitLength() > RESPONSE_BITS) {
      throw new IllegalArgumentException("response must be below 2^" + RESPONSE_BITS);
    }
  }

  /** The 398-bit value. */
  BigInteger value() {
    return BigInteger.valueOf(keyIndex)
        .shiftLeft(FLAGS_BITS)
        .or(BigInteger.valueOf(flags))
        .shiftLeft(CHALLENGE_BITS)
        .or(challenge)
        .shiftLeft(RESPONSE_BITS)
        .or(response);
  }

  /** The CID as shown and read out: 20 groups of 7 digits joined by hyphens. */
  public String text() {
    return DigitGroups.write(value(), GROUPS);
  }

  /** The 140 digits without separators. */
  public String digits() {
    return text().replace(String.valueOf(DigitGroups.SEPARATOR), "");
  }

  @Override
  public String toString() {
    return text();
  }

  /**
   * Reads a CID as typed (hyphens, spaces or nothing between groups), checking its form and check
   * digits only: whether it confirms an installation ID is {@link PhoneVerifier#verify}'s answer.
   */
  public static CidParse parse(String text) {
    return switch (DigitGroups.read(text, GROUPS, NAME)) {
      case DigitGroups.Reading.Mistyped m -> new CidParse.Rejected(m.failure(), m.groups());
      case DigitGroups.Reading.Value v -> fromValue(v.value());
    };
  }

  private static CidParse fromValue(BigInteger value) {
    if (value.bitLength() > PAYLOAD_BITS) {
      return new CidParse.Rejected(
          Failure.of(
              ErrorCode.CID_INVALID_DATA,
              "The confirmation ID's groups are well typed but spell no confirmation ID: it was"
                  + " mistyped in a way the check digits did not catch, or it was not issued by"
                  + " the activation authority."),
          List.of());
    }
    BigInteger response = low(value, RESPONSE_BITS);
    BigInteger rest = value.shiftRight(RESPONSE_BITS);
    BigInteger challenge = low(rest, CHALLENGE_BITS);
    rest = rest.shiftRight(CHALLENGE_BITS);
    int flags = rest.intValue() & MAX_FLAGS;
    int keyIndex = rest.shiftRight(FLAGS_BITS).intValue();
    return new CidParse.Parsed(new ConfirmationId(keyIndex, flags, challenge, response));
  }

  private static BigInteger low(BigInteger value, int bits) {
    return value.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
  }

  /** What the authority signs for {@code iid} with key {@code keyIndex}. */
  public static byte[] message(InstallationId iid, int keyIndex, int flags) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(DOMAIN);
    out.write(0);
    out.writeBytes(iid.canonicalBytes());
    out.write(keyIndex);
    out.write(flags);
    return out.toByteArray();
  }
}
