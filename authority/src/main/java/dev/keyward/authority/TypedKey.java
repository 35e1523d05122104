package dev.keyward.authority;

import dev.keyward.authority.http.ApiException;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import java.util.Map;

/**
 * A key as a request typed it, read offline: decoded with the catalog's groups, its fingerprint
 * computed. {@link #requireIssued} then checks the authority tag, still without the database.
 *
 * @param publicVolumeKey a volume client key listed in the catalog (public; never in the database)
 */
record TypedKey(
    ProductKey key,
    boolean tagValid,
    KeyGroup group,
    Product product,
    String fingerprint,
    boolean publicVolumeKey) {

  /** The one answer for forged, guessed and unknown keys alike: nothing tells them apart. */
  static final String NOT_ISSUED = "This product key was not issued by this activation authority.";

  /**
   * @throws ApiException 0xC004F050 with suggestions when the codec rejects it (status {@code
   *     rejectStatus})
   */
  static TypedKey read(String typed, Catalog catalog, Keyring keyring, int rejectStatus) {
    return switch (ProductKeyCodec.decode(typed, catalog::knowsGroup)) {
      case KeyDecoding.Rejected rejected ->
          throw new ApiException(
              rejectStatus,
              rejected.failure(),
              rejected.suggestions().isEmpty()
                  ? Map.of()
                  : Map.of(
                      "suggestions",
                      rejected.suggestions().stream().map(ProductKey::display).toList()),
              Map.of());
      case KeyDecoding.Decoded decoded -> {
        KeyGroup group = catalog.keyGroup(decoded.payload().group()).orElseThrow();
        Product product = catalog.product(group.product()).orElseThrow();
        boolean isPublic =
            group.channel().isVolumeClient()
                && product.volumeClientKeys().stream()
                    .anyMatch(k -> k.key().equals(decoded.key().display()));
        yield new TypedKey(
            decoded.key(),
            decoded.payload().isIssuedBy(keyring.tagger()),
            group,
            product,
            keyring.fingerprint().of(decoded.key()),
            isPublic);
      }
    };
  }

  /** Refuses a key whose authority tag is wrong, before any database lookup. */
  TypedKey requireIssued(int status) {
    if (!tagValid && !publicVolumeKey) {
      throw notIssued(status);
    }
    return this;
  }

  static ApiException notIssued(int status) {
    return new ApiException(status, Failure.of(ErrorCode.INVALID_PRODUCT_KEY, NOT_ISSUED));
  }
}
