package dev.keyward.core.phone;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The authority's public key for confirmation IDs: a point of P-256, stored and published as the
 * base64 of its 33-byte SEC 1 compressed form (44 characters). This is all a machine needs to check
 * a confirmation ID.
 */
public final class PhonePublicKey {
  private final EcPoint point;

  PhonePublicKey(EcPoint point) {
    this.point = Objects.requireNonNull(point, "point");
  }

  EcPoint point() {
    return point;
  }

  /** Base64 (standard alphabet, padded) of the compressed point. */
  public String encode() {
    return Base64.getEncoder().encodeToString(point.compressed());
  }

  /** Reads {@link #encode()}'s form, checking that it is a point of the curve. */
  public static PhoneKeyDecoding<PhonePublicKey> decode(String base64) {
    if (base64 == null) {
      return new PhoneKeyDecoding.Invalid<>("no public key given");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      return new PhoneKeyDecoding.Invalid<>("the public key is not base64");
    }
    if (bytes.length != 1 + P256.FIELD_BYTES) {
      return new PhoneKeyDecoding.Invalid<>(
          "a phone public key is 33 bytes (compressed P-256 point); this is " + bytes.length);
    }
    Optional<EcPoint> point = P256.decompress(bytes);
    return point
        .<PhoneKeyDecoding<PhonePublicKey>>map(
            p -> new PhoneKeyDecoding.Decoded<>(new PhonePublicKey(p)))
        .orElseGet(
            () ->
                new PhoneKeyDecoding.Invalid<>(
                    "the public key is not a compressed point of P-256"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PhonePublicKey key && point.equals(key.point);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(point.compressed());
  }

  @Override
  public String toString() {
    return encode();
  }
}
