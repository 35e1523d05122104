package dev.keyward.authority.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted copy of a full product key: AES-256-GCM under the key-encryption key, a random
 * 96-bit nonce per key, the key's fingerprint as associated data (a copy moved to another row does
 * not decrypt). Stored as {@code v1:} + base64(nonce | ciphertext | tag).
 */
public final class KeyCipher {
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  public KeyCipher(byte[] key, SecureRandom random) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the key-encryption key is 32 bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
    this.random = random;
  }

  public String encrypt(String text, String fingerprint) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(fingerprint.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the copy is not one this key sealed for that fingerprint
   */
  public String decrypt(String sealed, String fingerprint) {
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalArgumentException("unknown encrypted key format");
    }
    try {
      byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(fingerprint.getBytes(StandardCharsets.US_ASCII));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the encrypted key does not open with this key", e);
    }
  }

  @Override
  public String toString() {
    return "KeyCipher[key hidden]";
  }
}
