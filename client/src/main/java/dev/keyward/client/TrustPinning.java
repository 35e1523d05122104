package dev.keyward.client;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.error.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * The vendor keys this client trusts (the builder's, the catalog's, and the trust recorded in the
 * store at installation when the product's state still vouches for it), and trust on first use
 * under the development opt-in.
 */
final class TrustPinning {
  private final ClientContext client;
  private final TrustSources sources;

  TrustPinning(ClientContext client) {
    this.client = client;
    this.sources = client.trustSources();
  }

  /** The keys an activation is verified with, and the trust digest its state records. */
  record ActivationTrust(List<TrustedKey> keys, Optional<String> digest) {}

  /** What is trusted for a product whose state records {@code recordedDigest}. */
  TrustView view(Optional<String> recordedDigest) {
    return sources.view(recordedDigest);
  }

  /** The certificate keys trusted for the product acted on. */
  List<TrustedKey> keys() {
    return view(currentDigest()).keys();
  }

  /** The phone keys trusted for the product acted on, by index (the first of an index wins). */
  List<TrustedPhoneKey> phoneKeys() {
    return view(currentDigest()).phoneKeys();
  }

  /** Fetches the authority's keys ({@code GET /v1/trust}) and records them in the store. */
  List<TrustedKey> pin() {
    return sources.pin(client.connection()).keys();
  }

  /** The digest of the trust the store holds now (after a recording or a pin). */
  Optional<String> storeDigest() {
    return PhoneActivation.readFile(client.store().trustFile(), true)
        .flatMap(VendorTrust::parse)
        .map(VendorTrust::digest);
  }

  private Optional<String> currentDigest() {
    try {
      return client.store().load(client.chooseProduct()) instanceof LocalStore.Read.Intact intact
          ? intact.state().trustDigest()
          : Optional.empty();
    } catch (KeywardException e) {
      return Optional.empty(); // no product (yet): only the builder's and the catalog's keys
    }
  }

  /**
   * The keys that verify an activation: the product's trusted keys; with none at all, the
   * authority's keys pinned under the development opt-in, else a refusal before anything is sent.
   */
  ActivationTrust forActivation(Session s, AuthorityConnection connection, List<String> notices) {
    TrustView view = view(s.state().trustDigest());
    if (view.broken().isPresent()) {
      // a removed or edited trust record is never a fresh start, not even for the opt-in
      throw new KeywardException(view.broken().get());
    }
    if (!view.keys().isEmpty()) {
      return new ActivationTrust(view.keys(), s.state().trustDigest());
    }
    if (!client.pinTrustOnFirstUse()) {
      throw KeywardException.of(
          ErrorCode.AUTHORITY_NOT_TRUSTED,
          view.broken().map(f -> f.detail() + " ").orElse("")
              + "This machine trusts no vendor key, so no certificate could prove an activation;"
              + " nothing was sent. Record the vendor's trust file with keyward init --product P"
              + " --version V --edition E --trust FILE (an authority publishes its own as"
              + " trust.json in its data directory), or run from the directory holding the"
              + " authority's keyward-data.");
    }
    VendorTrust pinned = sources.pin(connection);
    notices.add(
        "Development trust on first use: pinned the keys of "
            + connection.base()
            + " ("
            + pinned.keyIds()
            + ") in "
            + client.store().trustFile()
            + ". Never use this against an authority you do not control.");
    return new ActivationTrust(pinned.keys(), storeDigest());
  }
}
