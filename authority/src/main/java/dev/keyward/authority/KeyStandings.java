package dev.keyward.authority;

import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ChannelPolicy;
import dev.keyward.core.channel.SupportRules;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One issued key as support sees and changes it: its record, the key itself (revealed, audited),
 * blocked or not, and a MAK key's pool extended under core's {@link SupportRules}. Each change and
 * its audit entry are one transaction.
 */
final class KeyStandings {
  private final Store store;
  private final Database db;
  private final KeyLookup keys;
  private final Supplier<Catalog> catalog;
  private final Clock clock;
  private final Downgrades downgrades;

  KeyStandings(
      Store store, KeyLookup keys, Supplier<Catalog> catalog, Clock clock, Downgrades downgrades) {
    this.store = store;
    this.db = store.db();
    this.keys = keys;
    this.catalog = catalog;
    this.clock = clock;
    this.downgrades = downgrades;
  }

  private long now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
  }

  Map<String, Object> show(String param) {
    return db.read(
        h -> {
          KeyRow key = keys.resolve(h, param, false);
          Map<String, Object> record =
              KeyRecords.record(key, store.activations().activeCount(h, key.id()));
          downgrades.annotate(h, key, record);
          return record;
        });
  }

  /**
   * The record with the full key, decrypted from its stored copy (support re-sending a lost key,
   * found by its record id); every reveal is an audit entry.
   */
  Map<String, Object> reveal(String param, String actor) {
    long now = now();
    return db.write(
        h -> {
          KeyRow key = keys.resolve(h, param, false);
          Map<String, Object> record =
              KeyRecords.record(key, store.activations().activeCount(h, key.id()));
          record.put("key", keys.reveal(key));
          store.audit().appendAudit(h, now, actor, "keys.reveal", KeyRecords.subject(key), "{}");
          return record;
        });
  }

  Map<String, Object> setBlocked(String param, boolean blocked, String reason, String actor) {
    long now = now();
    return db.write(
        h -> {
          KeyRow key = keys.resolve(h, param, true);
          KeyRow changed =
              key.withStanding(blocked, key.poolSize(), key.poolUsed(), key.extensionTotal());
          store.keys().updateStanding(h, changed);
          store
              .audit()
              .appendAudit(
                  h,
                  now,
                  actor,
                  blocked ? "keys.block" : "keys.unblock",
                  KeyRecords.subject(key),
                  KeyRecords.reasonDetail(reason));
          return KeyRecords.record(changed, store.activations().activeCount(h, key.id()));
        });
  }

  Map<String, Object> extend(String param, int by, String reason, String actor) {
    long now = now();
    return db.write(
        h -> {
          // a multiple activation downgrade key shares its original's pool: that one grows
          KeyRow key = downgrades.poolOf(h, keys.resolve(h, param, true));
          Channel channel = Channel.byName(key.channel()).orElseThrow();
          if (channel != Channel.VOLUME_MAK) {
            throw ApiException.badRequest(
                "only multiple activation keys (VOLUME_MAK) have a pool; this key is " + channel);
          }
          ChannelPolicy policy =
              catalog
                  .get()
                  .product(key.product())
                  .flatMap(p -> p.channel(channel))
                  .orElse(ChannelPolicy.defaults(channel));
          Optional<Failure> refusal = SupportRules.poolExtension(policy, key.extensionTotal(), by);
          if (refusal.isPresent()) {
            throw ApiException.refusal(refusal.get());
          }
          KeyRow changed =
              key.withStanding(
                  key.blocked(), key.poolSize() + by, key.poolUsed(), key.extensionTotal() + by);
          store.keys().updateStanding(h, changed);
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("by", by);
          detail.put("poolSize", changed.poolSize());
          detail.put("reason", reason);
          store
              .audit()
              .appendAudit(
                  h, now, actor, "mak.extend", KeyRecords.subject(key), Json.write(detail));
          return KeyRecords.record(changed, store.activations().activeCount(h, key.id()));
        });
  }
}
