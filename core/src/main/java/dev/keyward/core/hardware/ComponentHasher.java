package dev.keyward.core.hardware;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Hashes component values for one product. The input of each hash is, in order and each
 * length-prefixed so that no two different inputs can run together: the salt, the product id, the
 * component name, then either the value or the fixed absent marker.
 *
 * <p>The product id makes the same machine look unrelated to two vendors' authorities; the
 * component name keeps a value that moves between components (a serial reused as a baseboard
 * serial) from matching. The absent marker is a presence byte of 0 where a value has 1 before its
 * text, so a missing component always hashes the same (absent == absent) and never like any value.
 */
final class ComponentHasher {
  /**
   * Versions the scheme: a new hashing rule gets a new salt, so old and new never compare equal.
   */
  static final String DEFAULT_SALT = "keyward.hardware.v1";

  private static final byte ABSENT = 0;
  private static final byte PRESENT = 1;
  private static final int HASH_BYTES = 16;

  private final byte[] salt;
  private final byte[] productId;

  ComponentHasher(String salt, String productId) {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(productId, "productId");
    if (productId.isBlank()) {
      throw new IllegalArgumentException("productId must not be blank");
    }
    this.salt = utf8(salt);
    this.productId = utf8(productId);
  }

  ComponentHash hash(Component component, Optional<String> value) {
    MessageDigest digest = sha256();
    update(digest, salt);
    update(digest, productId);
    update(digest, utf8(component.fileName()));
    if (value.isPresent()) {
      digest.update(PRESENT);
      update(digest, utf8(value.get()));
    } else {
      digest.update(ABSENT);
    }
    byte[] full = digest.digest();
    return new ComponentHash(HexFormat.of().formatHex(full, 0, HASH_BYTES));
  }

  private static void update(MessageDigest digest, byte[] field) {
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
    digest.update(field);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest contract).
      throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
    }
  }
}
