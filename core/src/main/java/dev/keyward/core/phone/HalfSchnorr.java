package dev.keyward.core.phone;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Schnorr signatures over P-256 with a 128-bit challenge ("half-size" Schnorr): 48 bytes for about
 * 128-bit security.
 *
 * <pre>
 *   keys:    private x in [1, N-1], public Q = xG
 *   sign m:  k = RFC 6979 nonce from (x, SHA-256(m)); R = kG   (the authority: PhoneCidSigner)
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
 *
 * <p>Only verification lives here: core has no private key. The authority signs with BouncyCastle's
 * constant-time fixed-base multiplication ({@code dev.keyward.authority.crypto.PhoneCidSigner});
 * core's tests keep a reference signer in plain Java that gives the very same signatures.
 */
public final class HalfSchnorr {
  public static final int CHALLENGE_BITS = 128;
  static final int CHALLENGE_BYTES = CHALLENGE_BITS / 8;

  static final BigInteger CHALLENGE_LIMIT = BigInteger.ONE.shiftLeft(CHALLENGE_BITS);

  private HalfSchnorr() {}

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
    return challenge(r.compressed(), q.compressed(), message);
  }

  /**
   * The challenge {@code e}: the first 128 bits of SHA-256(R || Q || m), R and Q in SEC 1
   * compressed form (33 bytes each). Public for the authority's signer, which computes R with its
   * own (constant-time) arithmetic and must hash exactly as the verifier here does.
   */
  public static BigInteger challenge(byte[] rCompressed, byte[] qCompressed, byte[] message) {
    MessageDigest sha256 = Bytes.sha256();
    sha256.update(rCompressed);
    sha256.update(qCompressed);
    byte[] digest = sha256.digest(message);
    byte[] truncated = new byte[CHALLENGE_BYTES];
    System.arraycopy(digest, 0, truncated, 0, CHALLENGE_BYTES);
    return new BigInteger(1, truncated);
  }
}
