package dev.keyward.authority;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.DowngradeStore;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.channel.Downgrade;
import dev.keyward.core.json.Json;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Downgrade keys ({@code POST /v1/admin/keys/{key}/downgrade}): for a key of version V, a key of an
 * earlier version W, same product, edition and channel (core's {@link Downgrade} rule), linked to
 * the original key of the entitlement and recorded in the audit log.
 *
 * <ul>
 *   <li>One downgrade key per original and version: asking again gives the same key back (audited
 *       again), so an entitlement never multiplies by asking twice.
 *   <li>Asking from a downgrade key works from its original: the link always names the original.
 *   <li>A multiple activation key's downgrade keys have no pool of their own: their activations
 *       take counts from the original's pool ({@link #poolOf}), and extending either extends that
 *       one pool. The total never grows by downgrading.
 *   <li>Blocking the original blocks its downgrade keys too ({@link #blocked}).
 * </ul>
 */
final class Downgrades {
  private final Store store;
  private final Database db;
  private final Keyring keyring;
  private final Supplier<Catalog> catalog;
  private final Clock clock;
  private final DowngradeStore links;
  private final KeyLookup keys;

  Downgrades(Store store, Keyring keyring, Supplier<Catalog> catalog, Clock clock) {
    this.store = store;
    this.db = store.db();
    this.links = new DowngradeStore(db);
    this.keyring = keyring;
    this.catalog = catalog;
    this.clock = clock;
    this.keys = new KeyLookup(store, keyring, catalog);
  }

  /**
   * Issues (or gives again) the downgrade key of {@code param}'s entitlement for {@code version}.
   */
  Map<String, Object> downgrade(String param, String version, String reason, String actor) {
    long now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    return db.write(
        h -> {
          KeyRow asked = keys.resolve(h, param, true);
          KeyRow original = original(h, asked, true);
          Catalog cat = catalog.get();
          KeyGroup group =
              cat.keyGroup(original.group())
                  .orElseThrow(
                      () ->
                          ApiException.badRequest(
                              "the key's group " + original.group() + " is not in the catalog"));
          Product product = cat.product(group.product()).orElseThrow();
          KeyGroup target =
              switch (Downgrade.check(product, group, blocked(asked, original), version)) {
                case Downgrade.Check.Refused refused ->
                    throw ApiException.refusal(refused.failure());
                case Downgrade.Check.Allowed allowed -> allowed.target();
              };
          boolean sharedPool = target.channel() == Channel.VOLUME_MAK;
          Optional<DowngradeStore.Link> existing = links.find(h, original.id(), version);
          KeyRow issued;
          String display;
          if (existing.isPresent()) {
            issued = store.keys().keyById(h, existing.get().keyId(), false).orElseThrow();
            display = keys.reveal(issued);
          } else {
            long serial = store.keys().allocateSerials(h, target.number(), 1);
            ProductKey key = ProductKeyCodec.encode(target.number(), serial, keyring.tagger());
            String fingerprint = keyring.fingerprint().of(key);
            issued =
                new KeyRow(
                    Ids.next("pk"),
                    fingerprint,
                    key.partial(),
                    keyring.cipher().encrypt(key.canonical(), fingerprint),
                    target.number(),
                    serial,
                    product.id(),
                    target.version(),
                    target.edition(),
                    target.channel().name(),
                    false,
                    0,
                    0,
                    0,
                    now);
            store.keys().insertKey(h, issued);
            links.insert(h, new DowngradeStore.Link(issued.id(), original.id(), version, now));
            display = key.display();
          }
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("original", KeyRecords.subject(original));
          detail.put("originalVersion", original.version());
          detail.put("version", version);
          detail.put("reissued", existing.isPresent());
          detail.put("sharedPool", sharedPool);
          detail.put("reason", reason);
          store
              .audit()
              .appendAudit(
                  h, now, actor, "keys.downgrade", KeyRecords.subject(issued), Json.write(detail));
          Map<String, Object> record =
              KeyRecords.record(issued, store.activations().activeCount(h, issued.id()));
          annotate(h, issued, record);
          record.put("key", display);
          record.put("reissued", existing.isPresent());
          return record;
        });
  }

  /**
   * Adds the links to a key record: {@code downgradeOf} (the original, for a downgrade key, else
   * null) and {@code downgrades} (the downgrade keys issued under it). A multiple activation
   * downgrade key shows its original's pool, the one its activations count against.
   */
  void annotate(Handle h, KeyRow key, Map<String, Object> record) {
    Optional<DowngradeStore.Link> link = links.ofKey(h, key.id());
    if (link.isPresent()) {
      KeyRow original = store.keys().keyById(h, link.get().originalId(), false).orElseThrow();
      Map<String, Object> of = new LinkedHashMap<>();
      of.put("id", original.id());
      of.put("partialKey", original.partialKey());
      of.put("version", original.version());
      record.put("downgradeOf", of);
      if (Channel.VOLUME_MAK.name().equals(key.channel())) {
        record.put("poolSize", original.poolSize());
        record.put("poolUsed", original.poolUsed());
        record.put("extensionTotal", original.extensionTotal());
      }
      if (original.blocked()) {
        record.put("blocked", true);
      }
    } else {
      record.put("downgradeOf", null);
    }
    List<Map<String, Object>> downgrades =
        links.ofOriginal(h, key.id()).stream()
            .map(
                l -> {
                  KeyRow d = store.keys().keyById(h, l.keyId(), false).orElseThrow();
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", d.id());
                  m.put("partialKey", d.partialKey());
                  m.put("version", d.version());
                  return m;
                })
            .toList();
    record.put("downgrades", downgrades);
  }

  /**
   * The row whose pool a key's activations count against: the original for a multiple activation
   * downgrade key (locked, as the key is), else the key itself.
   */
  KeyRow poolOf(Handle h, KeyRow key) {
    if (!Channel.VOLUME_MAK.name().equals(key.channel())) {
      return key;
    }
    return original(h, key, true);
  }

  /**
   * {@link #poolOf(Handle, KeyRow)} with the key's links already read (by the activation's {@link
   * dev.keyward.authority.store.DecisionRead}).
   */
  KeyRow poolOf(Handle h, KeyRow key, DowngradeStore.Around around) {
    if (!Channel.VOLUME_MAK.name().equals(key.channel())) {
      return key;
    }
    return original(h, key, true, around.own());
  }

  /**
   * Before a grant of {@code key} to {@code machine}: a retail or OEM licence runs one machine at a
   * time across its original and downgrade keys (core's {@link Downgrade#sharing}). Another key of
   * the licence active on another machine refuses the grant (0xC004C008); one active on this
   * machine, reinstalled with the other version, is released as superseded.
   */
  void claimLicence(
      Handle h,
      KeyRow key,
      DowngradeStore.Around around,
      dev.keyward.core.catalog.Product product,
      dev.keyward.core.hardware.HardwareIdentity machine,
      long now) {
    Channel channel = Channel.byName(key.channel()).orElseThrow();
    if (channel != Channel.RETAIL && channel != Channel.OEM) {
      return;
    }
    KeyRow original = original(h, key, false, around.own());
    List<KeyRow> licence = new java.util.ArrayList<>();
    licence.add(original);
    // The key's own links hold those under it when it is the original; else ask the original's.
    (around.own().isPresent() ? links.ofOriginal(h, original.id()) : around.under())
        .stream()
            .map(l -> store.keys().keyById(h, l.keyId(), false).orElseThrow())
            .forEach(licence::add);
    Map<String, KeyRow> owners = new LinkedHashMap<>();
    List<dev.keyward.core.channel.PriorActivation> others = new java.util.ArrayList<>();
    for (KeyRow other : licence) {
      if (other.id().equals(key.id())) {
        continue;
      }
      for (var row : store.activations().activations(h, other.id())) {
        if (row.active()) {
          others.add(ActivationService.prior(row));
          owners.put(row.id(), other);
        }
      }
    }
    switch (Downgrade.sharing(channel, others, machine, product.hardware())) {
      case Downgrade.Sharing.Refused refused -> throw ApiException.refusal(refused.failure());
      case Downgrade.Sharing.Supersedes supersedes -> {
        for (var superseded : supersedes.activations()) {
          store
              .activations()
              .release(
                  h,
                  superseded.id(),
                  now,
                  "superseded on the same machine by the key ending in "
                      + key.partialKey()
                      + " of the same licence");
        }
      }
    }
  }

  /** A key is blocked when it or the original of its entitlement is. */
  boolean blocked(Handle h, KeyRow key) {
    return blocked(key, original(h, key, false));
  }

  /**
   * {@link #blocked(Handle, KeyRow)} with the key's links already read (by the activation's {@link
   * dev.keyward.authority.store.DecisionRead}).
   */
  boolean blocked(Handle h, KeyRow key, DowngradeStore.Around around) {
    return blocked(key, original(h, key, false, around.own()));
  }

  private static boolean blocked(KeyRow key, KeyRow original) {
    return key.blocked() || original.blocked();
  }

  /** The original key of {@code key}'s entitlement: the key itself unless it is a downgrade key. */
  private KeyRow original(Handle h, KeyRow key, boolean lock) {
    return original(h, key, lock, links.ofKey(h, key.id()));
  }

  private KeyRow original(Handle h, KeyRow key, boolean lock, Optional<DowngradeStore.Link> own) {
    return own.map(l -> store.keys().keyById(h, l.originalId(), lock).orElseThrow()).orElse(key);
  }
}
