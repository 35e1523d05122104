package dev.keyward.client;

import dev.keyward.core.key.KeyFingerprint;
import dev.keyward.core.key.ProductKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-store secret (32 random bytes in {@code <store>/secret}, owner-only) and the three keys
 * derived from it: one seals product states (HMAC-SHA256), one encrypts the copy of the product key
 * that {@code /ato} sends (AES-256-GCM), one fingerprints keys ({@link KeyFingerprint}).
 *
 * <p>The seal detects hand edits, corruption and files copied from another store. It cannot stop
 * someone who reads the secret and re-seals on purpose: a local store without hardware-backed keys
 * cannot, and the activation certificates, signed by the authority, are what really vouch for an
 * activation.
 */
final class StoreSecret {
  static final String FILE = "secret";
  private static final int BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final byte[] sealKey;
  private final byte[] encryptionKey;
  private final KeyFingerprint fingerprint;

  private StoreSecret(byte[] secret) {
    this.sealKey = derive(secret, "keyward/store/seal/v1");
    this.encryptionKey = derive(secret, "keyward/store/key-encryption/v1");
    this.fingerprint = new KeyFingerprint(derive(secret, "keyward/store/fingerprint/v1"));
  }

  /** Reads the store's secret; empty when there is none or it cannot be read. Never writes. */
  static Optional<StoreSecret> load(Path storeDir) {
    Path file = storeDir.resolve(FILE);
    try {
      if (Files.isRegularFile(file)) {
        return decode(Files.readString(file, StandardCharsets.US_ASCII)).map(StoreSecret::new);
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: as if missing
    }
    return Optional.empty();
  }

  /** Reads the store's secret, making one when there is none (or it is unreadable). */
  static StoreSecret loadOrCreate(Path storeDir, SecureRandom random) throws IOException {
    Path file = storeDir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      Optional<byte[]> secret = decode(Files.readString(file, StandardCharsets.US_ASCII));
      if (secret.isPresent()) {
        return new StoreSecret(secret.get());
      }
    }
    byte[] secret = new byte[BYTES];
    random.nextBytes(secret);
    AtomicFiles.writeText(file, Base64.getEncoder().encodeToString(secret) + "\n");
    return new StoreSecret(secret);
  }

  private static Optional<byte[]> decode(String text) {
    try {
      byte[] bytes = Base64.getDecoder().decode(text.strip());
      return bytes.length == BYTES ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The seal of a canonical JSON text: 64 hex digits. */
  String seal(String canonical) {
    return HexFormat.of().formatHex(hmac(sealKey, canonical.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether {@code seal} is this store's seal of {@code canonical}, compared in constant time. */
  boolean verify(String canonical, String seal) {
    byte[] expected = seal(canonical).getBytes(StandardCharsets.US_ASCII);
    return seal != null
        && MessageDigest.isEqual(expected, seal.getBytes(StandardCharsets.US_ASCII));
  }

  String fingerprint(ProductKey key) {
    return fingerprint.of(key);
  }

  /** The key encrypted for this store, bound to {@code context} (the product id): base64. */
  String encrypt(ProductKey key, String context, SecureRandom random) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(encryptionKey, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(key.canonical().getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides AES/GCM", e);
    }
  }

  /** The key back, or empty when the text was not encrypted by this store for this context. */
  Optional<ProductKey> decrypt(String encrypted, String context) {
    try {
      byte[] all = Base64.getDecoder().decode(encrypted);
      if (all.length <= NONCE_BYTES) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(encryptionKey, "AES"),
          new GCMParameterSpec(TAG_BITS, Arrays.copyOf(all, NONCE_BYTES)));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return Optional.of(new ProductKey(new String(plain, StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] derive(byte[] secret, String purpose) {
    return hmac(secret, purpose.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "StoreSecret[hidden]";
  }
}
