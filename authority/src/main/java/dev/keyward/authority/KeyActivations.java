package dev.keyward.authority;

import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.ActivationRow;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.Store;
import dev.keyward.core.channel.SupportRules;
import dev.keyward.core.json.Json;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A key's activations as support sees them: listed, and all released at once (support resetting the
 * key) or one by one, which gives their counts back under core's {@link SupportRules}.
 */
final class KeyActivations {
  private final Store store;
  private final Database db;
  private final KeyLookup keys;
  private final Clock clock;
  private final HeldActivations activations;

  KeyActivations(Store store, KeyLookup keys, Clock clock, HeldActivations activations) {
    this.store = store;
    this.db = store.db();
    this.keys = keys;
    this.clock = clock;
    this.activations = activations;
  }

  /**
   * Releases the key's active activations, or only the one named (a dead or moved machine of a
   * multiple activation key, without resetting the others); answers how many were released.
   */
  int release(String param, Optional<String> only, String reason, String actor) {
    long now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    return db.write(
        h -> {
          KeyRow key = keys.resolve(h, param, true);
          List<ActivationRow> all = store.activations().activations(h, key.id());
          List<ActivationRow> active = all.stream().filter(ActivationRow::active).toList();
          // Support resets the key: the counts of machines that released themselves come back too.
          List<ActivationRow> holding = all.stream().filter(ActivationRow::spent).toList();
          if (only.isPresent()) {
            ActivationRow one = one(key, all, only.get());
            active = List.of(one);
            holding = one.spent() ? List.of(one) : List.of();
          }
          for (ActivationRow row : active) {
            store.activations().release(h, row.id(), now, reason);
          }
          activations.refund(h, key, holding, SupportRules.Releaser.SUPPORT);
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("released", active.stream().map(ActivationRow::id).toList());
          detail.put("countsReturned", holding.size());
          detail.put("reason", reason);
          store
              .audit()
              .appendAudit(
                  h,
                  now,
                  actor,
                  "activations.release",
                  KeyRecords.subject(key),
                  Json.write(detail));
          return active.size();
        });
  }

  /** The key's activation of that id, still active. */
  private static ActivationRow one(KeyRow key, List<ActivationRow> all, String id) {
    ActivationRow row =
        all.stream()
            .filter(r -> r.id().equals(id.strip()))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "key " + key.partialKey() + " has no activation '" + id.strip() + "'"));
    if (!row.active()) {
      throw ApiException.badRequest(
          "activation " + row.id() + " is released already; nothing was done");
    }
    return row;
  }

  /** The activations of the key named, or the latest {@code limit} of all keys. */
  List<Map<String, Object>> list(Optional<String> param, int limit) {
    return db.read(
        h -> {
          List<ActivationRow> rows;
          Map<String, String> partials = new LinkedHashMap<>();
          if (param.isPresent()) {
            KeyRow key = keys.resolve(h, param.get(), false);
            partials.put(key.id(), key.partialKey());
            rows = store.activations().activations(h, key.id());
          } else {
            rows = store.activations().allActivations(h, limit);
          }
          List<Map<String, Object>> out = new ArrayList<>();
          for (ActivationRow row : rows) {
            String partial =
                partials.computeIfAbsent(
                    row.keyId(),
                    id -> store.keys().keyById(h, id, false).map(KeyRow::partialKey).orElse(""));
            out.add(KeyRecords.activation(row, partial));
          }
          return out;
        });
  }
}
