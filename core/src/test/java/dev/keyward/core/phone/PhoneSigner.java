package dev.keyward.core.phone;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A reference signer for tests, in plain Java (not constant-time: the authority signs with
 * BouncyCastle, {@code dev.keyward.authority.crypto.PhoneCidSigner}, and gives the very same
 * confirmation IDs, as the authority's tests check). Turns an installation ID into its confirmation
 * ID. Holds a private key; deciding whether the IID deserves a CID (key issued and not blocked,
 * channel rules, tolerance) is the caller's job, before it calls {@link #sign}.
 *
 * <p>Signing is deterministic: the same IID and key always give the same CID, so answering the same
 * IID twice reveals nothing new. Each signature is checked with the public key before it is
 * returned, so a computation fault can never hand out a signature that would leak the private key.
 * Thread-safe.
 */
public final class PhoneSigner {
  private final int keyIndex;
  private final PhonePrivateKey key;

  /**
   * @param keyIndex the index under which machines trust this key's public half, 0..255
   * @param key the private key
   */
  public PhoneSigner(int keyIndex, PhonePrivateKey key) {
    if (keyIndex < 0 || keyIndex > ConfirmationId.MAX_KEY_INDEX) {
      throw new IllegalArgumentException("key index must be 0.." + ConfirmationId.MAX_KEY_INDEX);
    }
    this.keyIndex = keyIndex;
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The confirmation ID for {@code iid}. */
  public ConfirmationId sign(InstallationId iid) {
    Objects.requireNonNull(iid, "iid");
    int flags = 0;
    byte[] message = ConfirmationId.message(iid, keyIndex, flags);
    EcPoint q = key.publicKey().point();
    Signature signature = sign(key.scalar(), q, message);
    if (!HalfSchnorr.verify(q, message, signature.e(), signature.s())) {
      throw new IllegalStateException("a confirmation ID failed its own check; nothing was issued");
    }
    return new ConfirmationId(keyIndex, flags, signature.e(), signature.s());
  }

  /** A signature: challenge {@code e} (128 bits) and response {@code s} (mod N). */
  record Signature(BigInteger e, BigInteger s) {}

  /** HalfSchnorr's signing equations (see its class comment), deterministic (RFC 6979). */
  static Signature sign(BigInteger x, EcPoint q, byte[] message) {
    Rfc6979 nonces = new Rfc6979(x, Bytes.sha256().digest(message));
    while (true) {
      BigInteger k = nonces.next();
      EcPoint r = P256.multiplyBase(k).orElseThrow();
      BigInteger e = HalfSchnorr.challenge(r, q, message);
      BigInteger s = k.add(e.multiply(x)).mod(P256.N);
      if (s.signum() != 0) { // s = 0 has probability 2^-256; the next nonce is as good
        return new Signature(e, s);
      }
    }
  }

  public int keyIndex() {
    return keyIndex;
  }

  public PhonePublicKey publicKey() {
    return key.publicKey();
  }

  @Override
  public String toString() {
    return "PhoneSigner[keyIndex=" + keyIndex + ", public=" + key.publicKey().encode() + "]";
  }
}
