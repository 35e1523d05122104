package dev.keyward.client;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a client's trusted vendor keys come from (SPEC §16): the builder (a vendor compiles its
 * keys in), the catalog's {@code trustedKeys}, and the trust recorded in the store at installation.
 * The first server that answers is trusted only through {@link #pin}, which the client calls only
 * under the development opt-in.
 */
final class TrustSources {
  private final List<TrustedKey> explicit;
  private final List<TrustedPhoneKey> explicitPhone;
  private final Catalog catalog;
  private final LocalStore store;

  TrustSources(
      List<TrustedKey> explicit,
      List<TrustedPhoneKey> explicitPhone,
      Catalog catalog,
      LocalStore store) {
    this.explicit = List.copyOf(explicit);
    this.explicitPhone = List.copyOf(explicitPhone);
    this.catalog = catalog;
    this.store = store;
  }

  /** The keys trusted for a product whose state recorded {@code digest} (empty: none recorded). */
  TrustView view(Optional<String> digest) {
    LinkedHashSet<TrustedKey> keys = new LinkedHashSet<>(explicit);
    LinkedHashSet<TrustedPhoneKey> phone = new LinkedHashSet<>(explicitPhone);
    catalog
        .products()
        .forEach(
            p -> {
              keys.addAll(p.trustedKeys());
              phone.addAll(p.trustedPhoneKeys());
            });
    return switch (RecordedTrust.read(store, digest)) {
      case RecordedTrust.Reading.NotRecorded n ->
          new TrustView(List.copyOf(keys), List.copyOf(phone), Optional.empty());
      case RecordedTrust.Reading.Intact intact -> {
        keys.addAll(intact.trust().keys());
        phone.addAll(intact.trust().phoneKeys());
        yield new TrustView(List.copyOf(keys), List.copyOf(phone), Optional.empty());
      }
      case RecordedTrust.Reading.Broken broken ->
          new TrustView(List.copyOf(keys), List.copyOf(phone), Optional.of(broken.failure()));
    };
  }

  /** Records a vendor trust in the store; the digest every product of the store now records. */
  String record(VendorTrust trust) {
    return RecordedTrust.record(store, trust);
  }

  /**
   * Trust on first use, for development only: fetches the authority's keys ({@code GET /v1/trust})
   * and records them in the store as an installer would have.
   */
  VendorTrust pin(AuthorityConnection connection) {
    Map<String, Object> answer = connection.get("/v1/trust", Optional.empty());
    VendorTrust trust =
        VendorTrust.parse(Json.write(answer))
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.BAD_REQUEST,
                        "The authority at " + connection.base() + " lists no trusted keys."));
    record(trust);
    return trust;
  }
}
