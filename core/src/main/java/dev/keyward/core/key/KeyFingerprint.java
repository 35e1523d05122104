package dev.keyward.core.key;

import dev.keyward.core.concurrent.InstancePool;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a full key is kept at rest: HMAC-SHA256(secret, canonical key) in lower-case hex, the column
 * a store looks keys up by. A plain hash would not do: keys of one group differ only in serial and
 * tag, and whoever has the authority's tag secret could enumerate them; the keyed hash needs a
 * second secret. Use a different secret from the {@link HmacAuthorityTagger}'s.
 */
public final class KeyFingerprint {
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec secret;
  // Mac is not thread-safe and costly to look up and key: lent one caller at a time, reset before
  // each use.
  private final InstancePool<Mac> macs = new InstancePool<>(this::newMac);

  public KeyFingerprint(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < HmacAuthorityTagger.MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the fingerprint secret must be at least "
              + HmacAuthorityTagger.MIN_SECRET_BYTES
              + " bytes");
    }
    this.secret = new SecretKeySpec(secret, ALGORITHM); // copies the bytes
  }

  /** The 64-hex-digit fingerprint of a key; the same key always gives the same fingerprint. */
  public String of(ProductKey key) {
    byte[] canonical = key.canonical().getBytes(StandardCharsets.US_ASCII);
    byte[] digest =
        macs.apply(
            mac -> {
              mac.reset();
              return mac.doFinal(canonical);
            });
    return HexFormat.of().formatHex(digest);
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
    return "KeyFingerprint[secret hidden]";
  }
}
