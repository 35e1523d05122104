package dev.keyward.core.phone;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The authority's side of phone activation: turns an installation ID into its confirmation ID.
 * Holds a private key; deciding whether the IID deserves a CID (key issued and not blocked, channel
 * rules, tolerance) is the caller's job, before it calls {@link #sign}.
 *
 * <p>Signing is deterministic: the same IID and key always give the same CID, so answering the same
 * IID twice reveals nothing new. Each signature is checked with the public key before it is
 * returned, so a computation fault can never hand out a signature that would leak the private key.
 * Thread-safe.
 */
public final class PhoneSigner {
  private final int keyIndex;
  private final PhonePrivateKey key;
  private final SecureRandom blinding;

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
    this.blinding = new SecureRandom();
  }

  /** The confirmation ID for {@code iid}. */
  public ConfirmationId sign(InstallationId iid) {
    Objects.requireNonNull(iid, "iid");
    int flags = 0;
    byte[] message = ConfirmationId.message(iid, keyIndex, flags);
    EcPoint q = key.publicKey().point();
    HalfSchnorr.Signature signature = HalfSchnorr.sign(key.scalar(), q, message, blinding);
    if (!HalfSchnorr.verify(q, message, signature.e(), signature.s())) {
      throw new IllegalStateException("a confirmation ID failed its own check; nothing was issued");
    }
    return new ConfirmationId(keyIndex, flags, signature.e(), signature.s());
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
