package dev.keyward.core.catalog;

import java.util.Objects;

/**
 * A public key of the activation authority that machines trust for confirmation IDs of this product
 * (phone and proxy activation, SPEC §10). Keys rotate by index: a confirmation ID names the index
 * of the key that signed it.
 *
 * @param index the key index a confirmation ID carries, 0..255
 * @param p256 the P-256 public key, base64 of its 33-byte compressed point ({@code
 *     dev.keyward.core.phone.PhonePublicKey#encode()})
 */
public record TrustedPhoneKey(int index, String p256) {
  public static final int MAX_INDEX = 255;

  public TrustedPhoneKey {
    if (index < 0 || index > MAX_INDEX) {
      throw new IllegalArgumentException("a phone key index is 0.." + MAX_INDEX + ": " + index);
    }
    Objects.requireNonNull(p256, "p256");
  }
}
