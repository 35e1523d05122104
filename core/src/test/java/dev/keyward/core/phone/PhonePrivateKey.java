package dev.keyward.core.phone;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A private key for confirmation IDs, for tests (the authority reads its keys with {@code
 * dev.keyward.authority.crypto.PhoneCidSigner}): a scalar {@code x} in {@code [1, N-1]} of P-256,
 * stored as the base64 of its 32 bytes, big-endian (44 characters). Keep it where only the
 * authority's signing process can read it; {@link #toString()} never shows it.
 */
public final class PhonePrivateKey {
  private final BigInteger scalar;
  private final PhonePublicKey publicKey;

  private PhonePrivateKey(BigInteger scalar, SecureRandom random) {
    this.scalar = scalar;
    this.publicKey = new PhonePublicKey(P256.multiplyBase(scalar).orElseThrow());
  }

  /** A new key, uniform in {@code [1, N-1]} (rejection sampling, no modular bias). */
  public static PhonePrivateKey generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    BigInteger x;
    do {
      x = new BigInteger(8 * P256.SCALAR_BYTES, random);
    } while (x.signum() == 0 || x.compareTo(P256.N) >= 0);
    return new PhonePrivateKey(x, random);
  }

  /** Reads {@link #encode()}'s form. */
  public static PhoneKeyDecoding<PhonePrivateKey> decode(String base64) {
    if (base64 == null) {
      return new PhoneKeyDecoding.Invalid<>("no private key given");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      return new PhoneKeyDecoding.Invalid<>("the private key is not base64");
    }
    if (bytes.length != P256.SCALAR_BYTES) {
      return new PhoneKeyDecoding.Invalid<>(
          "a phone private key is 32 bytes; this is " + bytes.length);
    }
    BigInteger x = new BigInteger(1, bytes);
    if (x.signum() == 0 || x.compareTo(P256.N) >= 0) {
      return new PhoneKeyDecoding.Invalid<>("the private key is not in [1, n-1] of P-256");
    }
    return new PhoneKeyDecoding.Decoded<>(new PhonePrivateKey(x, new SecureRandom()));
  }

  /** Base64 (standard alphabet, padded) of the 32-byte scalar. A secret: store it as one. */
  public String encode() {
    return Base64.getEncoder().encodeToString(Bytes.fixed(scalar, P256.SCALAR_BYTES));
  }

  public PhonePublicKey publicKey() {
    return publicKey;
  }

  BigInteger scalar() {
    return scalar;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PhonePrivateKey key
        && MessageDigest.isEqual(
            Bytes.fixed(scalar, P256.SCALAR_BYTES), Bytes.fixed(key.scalar, P256.SCALAR_BYTES));
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  /** Shows the public key only. */
  @Override
  public String toString() {
    return "PhonePrivateKey[public=" + publicKey.encode() + "]";
  }
}
