package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.key.ProductKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation's use of the store: opening the product's state (derived by {@link LicenseCheck},
 * never saved by opening), saving what the operation decided with what opening found, the event
 * log, and the installed key's copy.
 */
final class StoreSession {
  private final ClientContext client;
  private final LocalStore store;

  StoreSession(ClientContext client) {
    this.client = client;
    this.store = client.store();
  }

  Session open(List<String> notices) {
    String productId = client.chooseProduct();
    LocalStore.Read read = store.load(productId);
    return switch (read) {
      case LocalStore.Read.Missing m ->
          throw KeywardException.of(
              ErrorCode.NOT_INSTALLED,
              "No installation of '"
                  + productId
                  + "' is recorded in "
                  + store.root()
                  + ". Run keyward init --product P --version V --edition E first.");
      case LocalStore.Read.Damaged d ->
          new LicenseCheck(client).damaged(client.product(productId), d, notices);
      case LocalStore.Read.Intact i ->
          new LicenseCheck(client).intact(client.product(productId), i.state(), notices);
    };
  }

  /**
   * Saves what an operation decided, after recording as events what opening the session derived
   * against the stored claim (a status read never writes; the first operation records it).
   */
  void save(Session s, ProductState state) {
    for (Failure finding : s.findings()) {
      event(
          state,
          finding.error() == ErrorCode.OUT_OF_TOLERANCE ? "HardwareChanged" : "IntegrityFailed",
          Map.of("code", finding.error().hex(), "problem", finding.detail()));
    }
    store.save(state);
  }

  void event(ProductState state, String name, Map<String, ?> details) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("at", client.clock().instant().toString());
    event.put("event", name);
    event.put("state", state.record().state().displayName());
    event.put("reason", state.record().reason() == null ? null : state.record().reason().hex());
    details.forEach(
        (k, v) ->
            event.put(
                k,
                v instanceof Enum<?> e
                    ? e.name()
                    : v instanceof Integer || v instanceof Boolean || v instanceof List<?>
                        ? v
                        : String.valueOf(v)));
    store.appendEvent(state.installation().product(), event);
  }

  /** The installed key read back from the store, to be sent or turned into an installation ID. */
  ProductKey keyCopy(Session s, StoredKey stored) {
    String copy =
        stored
            .encrypted()
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.PKEY_NOT_INSTALLED,
                        "The product key ending in "
                            + stored.partial()
                            + " was cleared from the store (slmgr /cpky), so it cannot be sent"
                            + " for activation. Install it again with keyward slmgr /ipk KEY."));
    return store
        .secret()
        .decrypt(copy, s.product().id())
        .orElseThrow(
            () ->
                KeywardException.of(
                    ErrorCode.STORE_TAMPERED,
                    "The stored product key cannot be decrypted with this store's secret."
                        + " Install it again with keyward slmgr /ipk KEY."));
  }
}
