package dev.keyward.core.phone;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic nonces (RFC 6979 §3.2) with HMAC-SHA256 for P-256, whose order and the hash are
 * both 256 bits long: the stream of candidates for private key {@code x} and message hash {@code
 * h1}. The nonce is a pseudo-random function of the private key and the message: it never repeats
 * for two messages and needs no random number generator, so neither a reused nonce nor a weak RNG
 * can reveal the key. Candidates are always in {@code [1, N-1]}: out-of-range values are drawn
 * again, never reduced, so there is no bias.
 */
final class Rfc6979 {
  private static final String HMAC = "HmacSHA256";

  private final Mac mac;
  private byte[] k;
  private byte[] v;

  Rfc6979(BigInteger x, byte[] h1) {
    if (h1.length != 32) {
      throw new IllegalArgumentException("h1 must be a SHA-256 digest");
    }
    try {
      mac = Mac.getInstance(HMAC);
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256 (javax.crypto.Mac contract).
      throw new IllegalStateException("HmacSHA256 missing from this Java runtime", e);
    }
    byte[] xOctets = Bytes.fixed(x, P256.SCALAR_BYTES);
    byte[] hOctets = Bytes.fixed(new BigInteger(1, h1).mod(P256.N), P256.SCALAR_BYTES);
    v = new byte[32];
    Arrays.fill(v, (byte) 0x01);
    k = new byte[32];
    k = hmac(k, v, new byte[] {0x00}, xOctets, hOctets);
    v = hmac(k, v);
    k = hmac(k, v, new byte[] {0x01}, xOctets, hOctets);
    v = hmac(k, v);
    Arrays.fill(xOctets, (byte) 0);
  }

  /** The next candidate nonce, in {@code [1, N-1]}. */
  BigInteger next() {
    while (true) {
      v = hmac(k, v);
      BigInteger candidate = new BigInteger(1, v);
      // Whatever the outcome, the state moves on, so a second call gives a new candidate.
      k = hmac(k, v, new byte[] {0x00});
      v = hmac(k, v);
      if (candidate.signum() > 0 && candidate.compareTo(P256.N) < 0) {
        return candidate;
      }
    }
  }

  private byte[] hmac(byte[] key, byte[]... parts) {
    try {
      mac.init(new SecretKeySpec(key, HMAC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 refused a 32-byte key", e);
    }
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }
}
