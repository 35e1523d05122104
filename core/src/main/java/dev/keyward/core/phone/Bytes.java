package dev.keyward.core.phone;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Fixed-length big-endian integers, SHA-256 and HMAC-SHA256, for the codecs and signatures. */
final class Bytes {
  private Bytes() {}

  /** {@code value} (non-negative, below 2^(8 * length)) as exactly {@code length} bytes. */
  static byte[] fixed(BigInteger value, int length) {
    if (value.signum() < 0 || value.bitLength() > 8 * length) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] minimal = value.toByteArray(); // may have a leading 0 byte for the sign
    byte[] out = new byte[length];
    int copy = Math.min(minimal.length, length);
    System.arraycopy(minimal, minimal.length - copy, out, length - copy, copy);
    return out;
  }

  /** HMAC-SHA256 of the concatenated {@code parts} under {@code key}. */
  static byte[] hmacSha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256 (javax.crypto.Mac contract).
      throw new IllegalStateException("HmacSHA256 missing from this Java runtime", e);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest contract).
      throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
    }
  }
}
