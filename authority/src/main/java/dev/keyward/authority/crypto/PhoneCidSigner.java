package dev.keyward.authority.crypto;

import dev.keyward.core.phone.CidCheck;
import dev.keyward.core.phone.ConfirmationId;
import dev.keyward.core.phone.HalfSchnorr;
import dev.keyward.core.phone.InstallationId;
import dev.keyward.core.phone.PhoneKeyDecoding;
import dev.keyward.core.phone.PhonePublicKey;
import dev.keyward.core.phone.PhoneVerifier;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * Signs confirmation IDs (the authority's side of phone activation): the half-size Schnorr
 * signature over P-256 that core's {@link dev.keyward.core.phone.PhoneVerifier} checks on the
 * machine, computed with BouncyCastle.
 *
 * <p>The secrets are the private scalar x and each nonce k. The multiplications by them (kG, and xG
 * for the public key) use BouncyCastle's fixed-point comb over its custom P-256 field arithmetic
 * (fixed-width limbs): a regular sequence of additions with table lookups that read every entry, so
 * their timing does not depend on the scalar. The nonce is RFC 6979 (HMAC-SHA256), deterministic:
 * the same IID always gets the same CID, and no random number generator can leak the key. The one
 * remaining step on secrets, {@code s = k + e x mod n}, is BigInteger arithmetic, as in
 * BouncyCastle's own ECDSA. Each signature is checked with the public key before it is returned, so
 * a computation fault can never hand out a signature that would reveal the key.
 *
 * <p>Keys are stored as the base64 of the 32-byte big-endian scalar (44 characters), as before.
 * Thread-safe.
 */
public final class PhoneCidSigner {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
  private static final BigInteger N = CURVE.getN();
  private static final int SCALAR_BYTES = 32;

  private final int keyIndex;
  private final BigInteger x;
  private final byte[] publicCompressed;
  private final PhonePublicKey publicKey;
  private final PhoneVerifier check;

  private PhoneCidSigner(int keyIndex, BigInteger x) {
    if (keyIndex < 0 || keyIndex > ConfirmationId.MAX_KEY_INDEX) {
      throw new IllegalArgumentException("key index must be 0.." + ConfirmationId.MAX_KEY_INDEX);
    }
    this.keyIndex = keyIndex;
    this.x = x;
    this.publicCompressed = baseMultiple(x).getEncoded(true);
    this.publicKey =
        switch (PhonePublicKey.decode(Base64.getEncoder().encodeToString(publicCompressed))) {
          case PhoneKeyDecoding.Decoded<PhonePublicKey> d -> d.key();
          case PhoneKeyDecoding.Invalid<PhonePublicKey> i ->
              throw new IllegalStateException("xG is not a point of P-256: " + i.reason());
        };
    this.check = PhoneVerifier.of(keyIndex, publicKey);
  }

  /** A new private key, uniform in {@code [1, n-1]}, in its stored form. */
  public static String generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    BigInteger k;
    do {
      k = new BigInteger(8 * SCALAR_BYTES, random);
    } while (k.signum() == 0 || k.compareTo(N) >= 0);
    return Base64.getEncoder().encodeToString(BigIntegers.asUnsignedByteArray(SCALAR_BYTES, k));
  }

  /** The signer of key {@code keyIndex} (0..255) from its stored form. */
  public static PhoneKeyDecoding<PhoneCidSigner> decode(int keyIndex, String base64) {
    if (base64 == null) {
      return new PhoneKeyDecoding.Invalid<>("no private key given");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      return new PhoneKeyDecoding.Invalid<>("the private key is not base64");
    }
    if (bytes.length != SCALAR_BYTES) {
      return new PhoneKeyDecoding.Invalid<>(
          "a phone private key is 32 bytes; this is " + bytes.length);
    }
    BigInteger k = new BigInteger(1, bytes);
    Arrays.fill(bytes, (byte) 0);
    if (k.signum() == 0 || k.compareTo(N) >= 0) {
      return new PhoneKeyDecoding.Invalid<>("the private key is not in [1, n-1] of P-256");
    }
    return new PhoneKeyDecoding.Decoded<>(new PhoneCidSigner(keyIndex, k));
  }

  /** The confirmation ID for {@code iid}. */
  public ConfirmationId sign(InstallationId iid) {
    Objects.requireNonNull(iid, "iid");
    int flags = 0;
    byte[] message = ConfirmationId.message(iid, keyIndex, flags);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, x, sha256(message));
    while (true) {
      BigInteger k = nonces.nextK();
      byte[] r = baseMultiple(k).getEncoded(true);
      BigInteger e = HalfSchnorr.challenge(r, publicCompressed, message);
      BigInteger s = k.add(e.multiply(x)).mod(N);
      if (s.signum() == 0) {
        continue; // probability 2^-256; the next nonce is as good
      }
      ConfirmationId cid = new ConfirmationId(keyIndex, flags, e, s);
      if (!(check.verify(cid, iid) instanceof CidCheck.Confirmed)) {
        throw new IllegalStateException(
            "a confirmation ID failed its own check; nothing was issued");
      }
      return cid;
    }
  }

  /** {@code k * G}, affine, by BouncyCastle's fixed-point comb (regular in k). */
  private static ECPoint baseMultiple(BigInteger k) {
    return new FixedPointCombMultiplier().multiply(CURVE.getG(), k).normalize();
  }

  private static byte[] sha256(byte[] message) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
    }
  }

  public int keyIndex() {
    return keyIndex;
  }

  public PhonePublicKey publicKey() {
    return publicKey;
  }

  /** Shows the public key only. */
  @Override
  public String toString() {
    return "PhoneCidSigner[keyIndex=" + keyIndex + ", public=" + publicKey.encode() + "]";
  }
}
