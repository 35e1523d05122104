package dev.keyward.core.key;

import dev.keyward.core.concurrent.InstancePool;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The authority tag as HMAC-SHA256(secret, domain | group | serial), truncated to 54 bits. */
public final class HmacAuthorityTagger implements AuthorityTagger {
  private static final String ALGORITHM = "HmacSHA256";

  /**
   * Every issued key is a known input/output pair of the MAC, so a short secret could be found by
   * trying secrets against one real key; 128 bits puts that out of reach.
   */
  public static final int MIN_SECRET_BYTES = 16;

  /** Keeps these MACs apart from any other use of the same secret (e.g. key fingerprints). */
  private static final byte[] DOMAIN =
      "keyward/product-key/authority-tag/v1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec secret;
  // Mac is not thread-safe and costly to look up and key: lent one caller at a time, reset before
  // each use.
  private final InstancePool<Mac> macs = new InstancePool<>(this::newMac);

  public HmacAuthorityTagger(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the authority secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.secret = new SecretKeySpec(secret, ALGORITHM); // copies the bytes
  }

  @Override
  public long tag(int group, long serial) {
    byte[] input =
        ByteBuffer.allocate(Integer.BYTES + Long.BYTES).putInt(group).putLong(serial).array();
    byte[] digest =
        macs.apply(
            mac -> {
              mac.reset();
              mac.update(DOMAIN);
              mac.update(input);
              return mac.doFinal();
            });
    long firstEightBytes = ByteBuffer.wrap(digest).getLong();
    return firstEightBytes >>> (Long.SIZE - KeyPayload.TAG_BITS);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
    }
  }

  @Override
  public String toString() {
    return "HmacAuthorityTagger[secret hidden]";
  }
}
