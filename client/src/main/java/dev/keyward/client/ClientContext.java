package dev.keyward.client;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.MachineFacts;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What one client is configured with (its store, catalog, clock, machine, authority and trust), as
 * every part of it sees it, and the parts that serve every operation: the {@link StoreSession}, the
 * {@link TrustPinning} and the {@link InfoBuilder}. {@link KeywardClient} is the public front; the
 * operations (online, phone and volume activation, servicing, …) each take this context.
 */
final class ClientContext {
  private final LocalStore store;
  private final Catalog catalog;
  private final Optional<String> productChoice;
  private final Supplier<MachineFacts> machineSource;
  private final Optional<URI> authority;
  private final TrustSources trustSources;
  private final boolean pinTrustOnFirstUse;
  private final Clock clock;
  private final ProxySelector proxies;
  private final ConnectionOptions connectionOptions;
  private final SecureRandom random;
  private final VolumeNetwork volumeNetwork;
  private MachineFacts machine;

  /** The trust a client is given besides its catalog's and its store's. */
  record GivenTrust(
      List<TrustedKey> keys, List<TrustedPhoneKey> phoneKeys, boolean pinOnFirstUse) {}

  /** Where the client's authority is and how it is reached. */
  record Reach(
      Optional<URI> authority,
      ProxySelector proxies,
      ConnectionOptions options,
      VolumeNetwork volumeNetwork) {}

  ClientContext(
      Path storeDirectory,
      Catalog catalog,
      Optional<String> productChoice,
      Supplier<MachineFacts> machineSource,
      GivenTrust trust,
      Reach reach,
      Clock clock,
      SecureRandom random) {
    this.store = new LocalStore(Objects.requireNonNull(storeDirectory, "store"), random);
    this.catalog = catalog;
    this.productChoice = productChoice;
    this.machineSource = machineSource;
    this.authority = reach.authority();
    this.trustSources = new TrustSources(trust.keys(), trust.phoneKeys(), catalog, store);
    this.pinTrustOnFirstUse = trust.pinOnFirstUse();
    this.clock = clock;
    this.proxies = reach.proxies();
    this.connectionOptions = reach.options();
    this.random = random;
    this.volumeNetwork = reach.volumeNetwork();
  }

  LocalStore store() {
    return store;
  }

  Catalog catalog() {
    return catalog;
  }

  Optional<URI> authority() {
    return authority;
  }

  Clock clock() {
    return clock;
  }

  SecureRandom random() {
    return random;
  }

  VolumeNetwork volumeNetwork() {
    return volumeNetwork;
  }

  boolean pinTrustOnFirstUse() {
    return pinTrustOnFirstUse;
  }

  TrustSources trustSources() {
    return trustSources;
  }

  // --- the parts every operation uses ---------------------------------------------------------

  /** Opening, saving and recording events of the product's state. */
  StoreSession sessions() {
    return new StoreSession(this);
  }

  /** The vendor keys trusted here, and pinning them under the development opt-in. */
  TrustPinning trust() {
    return new TrustPinning(this);
  }

  /** What {@code slmgr /dli} shows of a session. */
  InfoBuilder infos() {
    return new InfoBuilder(this);
  }

  // --- the machine, the authority and the catalog ---------------------------------------------

  /** This machine's facts, read once, when first needed (activation and hardware checks). */
  MachineFacts machineFacts() {
    if (machine == null) {
      if (machineSource == null) {
        throw KeywardException.of(
            ErrorCode.BAD_REQUEST, "No machine reader was configured for this client.");
      }
      machine = machineSource.get();
    }
    return machine;
  }

  /** The authority: the configured address, else the catalog's {@code activationUrl}. */
  AuthorityConnection connection() {
    URI uri =
        authority
            .or(
                () ->
                    catalog.products().stream()
                        .flatMap(p -> p.activationUrl().stream())
                        .findFirst()
                        .map(URI::create))
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.AUTHORITY_UNREACHABLE,
                        "No activation authority is configured. Give its address with --authority"
                            + " URL or KEYWARD_AUTHORITY."));
    return new AuthorityConnection(uri, proxies, connectionOptions);
  }

  Product product(String id) {
    return catalog
        .product(id)
        .orElseThrow(
            () ->
                KeywardException.of(
                    ErrorCode.BAD_REQUEST,
                    "'"
                        + id
                        + "' is not a product of the catalog "
                        + catalog.source()
                        + " (products: "
                        + catalog.products().stream()
                            .map(Product::id)
                            .collect(Collectors.joining(", "))
                        + ")."));
  }

  /** The product acted on: the configured one, else the store's only one. */
  String chooseProduct() {
    if (productChoice.isPresent()) {
      return productChoice.get();
    }
    List<String> products = store.products();
    if (products.size() == 1) {
      return products.get(0);
    }
    if (products.isEmpty()) {
      throw KeywardException.of(
          ErrorCode.NOT_INSTALLED,
          "No product is recorded in the store "
              + store.root()
              + ". Run keyward init --product P --version V --edition E first.");
    }
    throw KeywardException.of(
        ErrorCode.BAD_REQUEST,
        "The store "
            + store.root()
            + " holds several products ("
            + String.join(", ", products)
            + "); choose one with --product P.");
  }
}
