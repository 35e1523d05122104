package dev.keyward.client;

import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.diagnose.LastFailure;
import dev.keyward.core.error.ErrorCatalogue;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.key.ProductKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The failed operations the event log keeps for diagnose: a key {@code /ipk} refused (with what the
 * key is for, never the key) and an activation the authority refused; {@link #last} reads back the
 * latest one that no later operation overtook.
 */
final class FailureLog {
  static final String KEY_REFUSED = "KeyRefused";
  static final String ACTIVATION_REFUSED = "ActivationRefused";

  /** Events after which an earlier failure no longer describes the machine. */
  private static final Set<String> PROGRESS =
      Set.of(
          "Installed",
          "KeyInstalled",
          "KeyUninstalled",
          "Activated",
          "Rearmed",
          "EditionConverted",
          "EditionConversionRequested");

  private final LocalStore store;

  FailureLog(LocalStore store) {
    this.store = store;
  }

  /** Records a key refused by {@code /ipk}: its partial key, version, edition and channel. */
  static void keyRefused(
      ClientContext client, ProductState state, Failure failure, ProductKey key, KeyGroup group) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("code", failure.error().hex());
    details.put("partialKey", key.partial());
    details.put("keyVersion", group.version());
    group.edition().ifPresent(e -> details.put("keyEdition", e));
    details.put("channel", group.channel());
    client.sessions().event(state, KEY_REFUSED, details);
  }

  /**
   * The latest refusal not followed by progress; empty when there is none or the log is unreadable.
   */
  Optional<LastFailure> last(String product, ProductState state) {
    List<Map<String, Object>> events;
    try {
      events = store.events(product);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    for (int i = events.size() - 1; i >= 0; i--) {
      Object name = events.get(i).get("event");
      if (PROGRESS.contains(name)) {
        return Optional.empty();
      }
      if (KEY_REFUSED.equals(name) || ACTIVATION_REFUSED.equals(name)) {
        return read(events.get(i), state);
      }
    }
    return Optional.empty();
  }

  /** The time of the latest event, if the log has one. */
  Optional<Instant> latestTime(String product) {
    try {
      List<Map<String, Object>> events = store.events(product);
      for (int i = events.size() - 1; i >= 0; i--) {
        Optional<Instant> at = time(events.get(i));
        if (at.isPresent()) {
          return at;
        }
      }
    } catch (RuntimeException e) {
      // an unreadable log tells no time
    }
    return Optional.empty();
  }

  private static Optional<Instant> time(Map<String, Object> e) {
    try {
      return Optional.of(Instant.parse(String.valueOf(e.get("at"))));
    } catch (DateTimeParseException ex) {
      return Optional.empty();
    }
  }

  private static Optional<LastFailure> read(Map<String, Object> e, ProductState state) {
    Optional<ErrorCode> code = text(e, "code").flatMap(ErrorCatalogue::lookup);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    Instant at;
    try {
      at = Instant.parse(String.valueOf(e.get("at")));
    } catch (DateTimeParseException ex) {
      return Optional.empty();
    }
    if (KEY_REFUSED.equals(e.get("event"))) {
      return Optional.of(
          new LastFailure(
              KEY_REFUSED,
              code.get(),
              at,
              text(e, "partialKey"),
              text(e, "keyVersion"),
              text(e, "keyEdition"),
              text(e, "channel")));
    }
    Optional<StoredKey> key = state.key();
    return Optional.of(
        new LastFailure(
            ACTIVATION_REFUSED,
            code.get(),
            at,
            key.map(StoredKey::partial),
            key.map(StoredKey::version),
            key.flatMap(StoredKey::edition),
            key.map(k -> k.channel().name())));
  }

  private static Optional<String> text(Map<String, Object> e, String field) {
    return e.get(field) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }
}
