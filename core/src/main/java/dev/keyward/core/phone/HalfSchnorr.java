package dev.keyward.core.phone;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Schnorr signatures over P-256 with a 128-bit challenge ("half-size" Schnorr): 48 bytes for about
 * 128-bit security.
 *
 * <pre>
 *   keys:    private x in [1, N-1], public Q = xG
 *   sign m:  k = RFC 6979 nonce from (x, SHA-256(m)); R = kG
 *            e = first 128 bits of SHA-256(R || Q || m)   (R, Q compressed, 33 bytes each)
 *            s = k + e x mod N                            signature (e, s)
 *   verify:  0 <= e < 2^128, 1 <= s < N, R' = sG - eQ is not infinity,
 *            and e == first 128 bits of SHA-256(R' || Q || m)
 * </pre>
 *
 * <p>Why 128 bits of challenge are enough: a Schnorr forgery needs either the discrete logarithm
 * (about 2^128 group operations on P-256) or a challenge that matches a point fixed before it is
 * hashed, which for a 128-bit challenge takes about 2^128 hash evaluations; unlike a hash-and-sign
 * scheme, no collision of the hash helps (Neven, Smart and Warinschi, "Hash function requirements
 * for Schnorr signatures", 2009). Hashing Q in ("key prefixing") keeps a signature from being valid
 * under any other key. A signature is never malleable: s is canonical (below N) and R' is fixed by
 * (e, s).
 */
final class HalfSchnorr {
  static final int CHALLENGE_BITS = 128;
  static final int CHALLENGE_BYTES = CHALLENGE_BITS / 8;

  static final BigInteger CHALLENGE_LIMIT = BigInteger.ONE.shiftLeft(CHALLENGE_BITS);

  private HalfSchnorr() {}

  /** A signature: challenge {@code e} (128 bits) and response {@code s} (mod N). */
  record Signature(BigInteger e, BigInteger s) {}

  /**
   * Signs {@code message} with private key {@code x} (public key {@code q = xG}). {@code blinding}
   * only randomises the computation of kG; the signature itself is deterministic.
   */
  static Signature sign(BigInteger x, EcPoint q, byte[] message, SecureRandom blinding) {
    Rfc6979 nonces = new Rfc6979(x, Bytes.sha256().digest(message));
    while (true) {
      BigInteger k = nonces.next();
      EcPoint r = P256.multiplyBaseSecret(k, blinding);
      BigInteger e = challenge(r, q, message);
      BigInteger s = k.add(e.multiply(x)).mod(P256.N);
      if (s.signum() != 0) { // s = 0 has probability 2^-256; the next nonce is as good
        return new Signature(e, s);
      }
    }
  }

  static boolean verify(EcPoint q, byte[] message, BigInteger e, BigInteger s) {
    if (e.signum() < 0 || e.compareTo(CHALLENGE_LIMIT) >= 0) {
      return false;
    }
    if (s.signum() <= 0 || s.compareTo(P256.N) >= 0) {
      return false;
    }
    Optional<EcPoint> r = P256.sumOfProducts(s, e, q.negate());
    return r.isPresent() && challenge(r.get(), q, message).equals(e);
  }

  static BigInteger challenge(EcPoint r, EcPoint q, byte[] message) {
    MessageDigest sha256 = Bytes.sha256();
    sha256.update(r.compressed());
    sha256.update(q.compressed());
    byte[] digest = sha256.digest(message);
    byte[] truncated = new byte[CHALLENGE_BYTES];
    System.arraycopy(digest, 0, truncated, 0, CHALLENGE_BYTES);
    return new BigInteger(1, truncated);
  }
}
