package dev.keyward.authority;

import dev.keyward.authority.audit.AuditLog;
import dev.keyward.authority.audit.Checkpointer;
import dev.keyward.authority.crypto.Ids;
import dev.keyward.authority.store.ActivationRow;
import dev.keyward.authority.store.AuditEntry;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.PhoneStore;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoad;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ChannelPolicy;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.channel.SupportRules;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.yaml.SourceProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The admin and support actions (docs/api.md). Each change and its audit entry are one transaction.
 */
final class AdminService {
  static final int MAX_ISSUE = 1000;
  private static final Pattern KEY_ID = Pattern.compile("pk-[a-z2-9]{20}");

  private final Store store;
  private final Database db;
  private final Keyring keyring;
  private final AtomicReference<Catalog> catalog;
  private final Clock clock;
  private final ActivationService activations;
  private final Downgrades downgrades;
  private final AuditLog auditLog;

  AdminService(
      Store store,
      Keyring keyring,
      AtomicReference<Catalog> catalog,
      Clock clock,
      ActivationService activations,
      AuditLog auditLog) {
    this.auditLog = auditLog;
    this.store = store;
    this.db = store.db();
    this.keyring = keyring;
    this.catalog = catalog;
    this.clock = clock;
    this.activations = activations;
    this.downgrades = new Downgrades(store, keyring, catalog::get, clock);
  }

  Downgrades downgrades() {
    return downgrades;
  }

  private long now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
  }

  /** What POST /v1/admin/keys asks for. */
  record IssueCommand(
      Optional<String> product,
      String version,
      Optional<String> edition,
      String channel,
      int count,
      Optional<Integer> pool) {}

  List<Map<String, Object>> issue(IssueCommand c, String actor) {
    Catalog cat = catalog.get();
    Product product;
    if (c.product().isPresent()) {
      product =
          cat.product(c.product().get())
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "unknown product '"
                              + c.product().get()
                              + "' (catalog: "
                              + productIds(cat)
                              + ")"));
    } else if (cat.products().size() == 1) {
      product = cat.products().get(0);
    } else {
      throw ApiException.badRequest("name the product: the catalog has " + productIds(cat));
    }
    Channel channel =
        Channel.byName(c.channel())
            .orElseThrow(() -> ApiException.badRequest("unknown channel '" + c.channel() + "'"));
    if (!product.hasVersion(c.version())) {
      throw ApiException.badRequest(
          "unknown version '"
              + c.version()
              + "' of "
              + product.id()
              + " ("
              + String.join(", ", product.versions())
              + ")");
    }
    if (c.edition().isPresent() && product.edition(c.edition().get()).isEmpty()) {
      throw ApiException.badRequest(
          "unknown edition '" + c.edition().get() + "' of " + product.id());
    }
    if (channel == Channel.VOLUME_KMSCLIENT) {
      throw ApiException.badRequest(
          "volume client keys are public: the catalog lists one per version and edition");
    }
    KeyGroup group =
        product
            .keyGroup(c.version(), c.edition().orElse(null), channel)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "the catalog has no key group for "
                            + product.id()
                            + " "
                            + c.version()
                            + " "
                            + c.edition().orElse("(no edition)")
                            + " "
                            + channel
                            + (c.edition().isEmpty() && channel != Channel.VOLUME_KMS_HOST
                                ? " (give an edition)"
                                : "")));
    int poolSize = 0;
    if (channel == Channel.VOLUME_MAK) {
      ChannelPolicy policy = product.channel(channel).orElse(ChannelPolicy.defaults(channel));
      poolSize = c.pool().orElse(policy.defaultPool());
    } else if (c.pool().isPresent()) {
      throw ApiException.badRequest("only multiple activation keys (VOLUME_MAK) have a pool");
    }
    int pool = poolSize;
    long now = now();
    return db.write(
        h -> {
          long first = store.allocateSerials(h, group.number(), c.count());
          List<Map<String, Object>> out = new ArrayList<>();
          List<String> partials = new ArrayList<>();
          for (int i = 0; i < c.count(); i++) {
            ProductKey key = ProductKeyCodec.encode(group.number(), first + i, keyring.tagger());
            String fingerprint = keyring.fingerprint().of(key);
            KeyRow row =
                new KeyRow(
                    Ids.next("pk"),
                    fingerprint,
                    key.partial(),
                    keyring.cipher().encrypt(key.canonical(), fingerprint),
                    group.number(),
                    first + i,
                    product.id(),
                    group.version(),
                    group.edition(),
                    channel.name(),
                    false,
                    pool,
                    0,
                    0,
                    now);
            store.insertKey(h, row);
            Map<String, Object> record = record(row, 0);
            record.put("key", key.display());
            out.add(record);
            partials.add(key.partial());
          }
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("count", c.count());
          detail.put("group", group.number());
          detail.put("partialKeys", partials);
          if (channel == Channel.VOLUME_MAK) {
            detail.put("pool", pool);
          }
          store.appendAudit(h, now, actor, "keys.issue", group.describe(), Json.write(detail));
          return out;
        });
  }

  Map<String, Object> show(String param) {
    return db.read(
        h -> {
          KeyRow key = resolve(h, param, false);
          Map<String, Object> record = record(key, store.activeCount(h, key.id()));
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
          KeyRow key = resolve(h, param, false);
          Map<String, Object> record = record(key, store.activeCount(h, key.id()));
          String canonical = keyring.cipher().decrypt(key.encryptedKey(), key.fingerprint());
          record.put(
              "key",
              ProductKeyCodec.decode(canonical, n -> true) instanceof KeyDecoding.Decoded d
                  ? d.key().display()
                  : canonical);
          store.appendAudit(h, now, actor, "keys.reveal", subject(key), "{}");
          return record;
        });
  }

  Map<String, Object> setBlocked(String param, boolean blocked, String reason, String actor) {
    long now = now();
    return db.write(
        h -> {
          KeyRow key = resolve(h, param, true);
          KeyRow changed =
              key.withStanding(blocked, key.poolSize(), key.poolUsed(), key.extensionTotal());
          store.updateStanding(h, changed);
          store.appendAudit(
              h,
              now,
              actor,
              blocked ? "keys.block" : "keys.unblock",
              subject(key),
              reasonDetail(reason));
          return record(changed, store.activeCount(h, key.id()));
        });
  }

  Map<String, Object> extend(String param, int by, String reason, String actor) {
    long now = now();
    return db.write(
        h -> {
          // a multiple activation downgrade key shares its original's pool: that one grows
          KeyRow key = downgrades.poolOf(h, resolve(h, param, true));
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
          store.updateStanding(h, changed);
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("by", by);
          detail.put("poolSize", changed.poolSize());
          detail.put("reason", reason);
          store.appendAudit(h, now, actor, "mak.extend", subject(key), Json.write(detail));
          return record(changed, store.activeCount(h, key.id()));
        });
  }

  int release(String param, String reason, String actor) {
    long now = now();
    return db.write(
        h -> {
          KeyRow key = resolve(h, param, true);
          List<ActivationRow> all = store.activations(h, key.id());
          List<ActivationRow> active = all.stream().filter(ActivationRow::active).toList();
          for (ActivationRow row : active) {
            store.release(h, row.id(), now, reason);
          }
          // Support resets the key: the counts of machines that released themselves come back too.
          List<ActivationRow> holding = all.stream().filter(ActivationRow::spent).toList();
          activations.refund(h, key, holding, SupportRules.Releaser.SUPPORT);
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("released", active.stream().map(ActivationRow::id).toList());
          detail.put("countsReturned", holding.size());
          detail.put("reason", reason);
          store.appendAudit(h, now, actor, "activations.release", subject(key), Json.write(detail));
          return active.size();
        });
  }

  List<Map<String, Object>> activations(Optional<String> param, int limit) {
    return db.read(
        h -> {
          List<ActivationRow> rows;
          Map<String, String> partials = new LinkedHashMap<>();
          if (param.isPresent()) {
            KeyRow key = resolve(h, param.get(), false);
            partials.put(key.id(), key.partialKey());
            rows = store.activations(h, key.id());
          } else {
            rows = store.allActivations(h, limit);
          }
          List<Map<String, Object>> out = new ArrayList<>();
          for (ActivationRow row : rows) {
            String partial =
                partials.computeIfAbsent(
                    row.keyId(),
                    id -> store.keyById(h, id, false).map(KeyRow::partialKey).orElse(""));
            out.add(activationJson(row, partial));
          }
          return out;
        });
  }

  List<Map<String, Object>> audit(long after, int limit) {
    return db.read(h -> store.audit(h, after, limit).stream().map(AuditEntry::toJson).toList());
  }

  /**
   * Walks the whole chain (each hash, each link, the head) and checks it against the checkpoints.
   */
  Map<String, Object> verifyAudit() {
    return auditLog.verify().toJson();
  }

  /** The current head, signed; 409 when the head contradicts the last checkpoint. */
  Map<String, Object> auditCheckpoint() {
    return switch (auditLog.checkpointer().checkpoint()) {
      case Checkpointer.Outcome.Signed s -> s.checkpoint().toJson();
      case Checkpointer.Outcome.Refused r ->
          throw new ApiException(409, Failure.of(ErrorCode.AUDIT_LOG_TAMPERED, r.reason()));
    };
  }

  /** Loads a catalog uploaded by an operator; every problem is listed in the 400. */
  List<String> loadCatalog(String text, String actor) {
    CatalogLoad load = CatalogLoader.load(text, "uploaded catalog");
    Catalog loaded =
        switch (load) {
          case CatalogLoad.Invalid invalid ->
              throw new ApiException(
                  400,
                  invalid.failure(),
                  Map.of(
                      "problems",
                      invalid.problems().stream().map(SourceProblem::toString).toList()),
                  Map.of());
          case CatalogLoad.Loaded l -> l.catalog();
        };
    long now = now();
    List<String> ids =
        db.write(
            h -> {
              List<String> problems = new ArrayList<>();
              for (Map<String, Object> g : store.issuedGroups(h)) {
                int number = ((Number) g.get("group_number")).intValue();
                Optional<KeyGroup> group = loaded.keyGroup(number);
                String was =
                    g.get("product")
                        + " "
                        + g.get("version")
                        + " "
                        + Objects.requireNonNullElse(g.get("edition"), "(any edition)")
                        + " "
                        + g.get("channel");
                if (group.isEmpty()) {
                  problems.add(
                      "key group " + number + " (" + was + ") has issued keys but is missing");
                } else if (!group.get().describe().equals(was)) {
                  problems.add(
                      "key group "
                          + number
                          + " has issued keys for "
                          + was
                          + " but now means "
                          + group.get().describe());
                }
              }
              if (!problems.isEmpty()) {
                throw new ApiException(
                    400,
                    Failure.of(
                        ErrorCode.CATALOG_INVALID,
                        "The catalog would change the meaning of keys already issued."),
                    Map.of("problems", problems),
                    Map.of());
              }
              List<String> products = loaded.products().stream().map(Product::id).toList();
              // The audit head's lock first: concurrent uploads are numbered one after the other.
              store.appendAudit(
                  h,
                  now,
                  actor,
                  "catalog.load",
                  String.join(",", products),
                  Json.write(Map.of("products", products)));
              store.insertCatalog(h, "uploaded catalog", text, now);
              return products;
            });
    catalog.set(loaded);
    return ids;
  }

  /** A key named in a path: its record id ({@code pk-…}) or the key in any typed form. */
  private KeyRow resolve(Handle h, String param, boolean lock) {
    if (KEY_ID.matcher(param).matches()) {
      return store.keyById(h, param, lock).orElseThrow(() -> TypedKey.notIssued(404));
    }
    TypedKey typed = TypedKey.read(param, catalog.get(), keyring, 404).requireIssued(404);
    return store
        .keyByFingerprint(h, typed.fingerprint(), lock)
        .orElseThrow(() -> TypedKey.notIssued(404));
  }

  static Map<String, Object> record(KeyRow key, int activeActivations) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", key.id());
    json.put("partialKey", key.partialKey());
    json.put("product", key.product());
    json.put("version", key.version());
    json.put("edition", key.edition().orElse(null));
    json.put("channel", key.channel());
    json.put("blocked", key.blocked());
    json.put("poolSize", key.poolSize());
    json.put("poolUsed", key.poolUsed());
    json.put("extensionTotal", key.extensionTotal());
    json.put("activeActivations", activeActivations);
    json.put("createdAt", Instant.ofEpochMilli(key.createdAt()).toString());
    return json;
  }

  static Map<String, Object> activationJson(ActivationRow row, String partialKey) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", row.id());
    json.put("keyId", row.keyId());
    json.put("partialKey", partialKey);
    json.put("cmid", row.cmid());
    json.put("active", row.active());
    json.put("spent", row.spent());
    json.put("issuedAt", Instant.ofEpochMilli(row.issuedAt()).toString());
    json.put(
        "releasedAt", row.releasedAt().map(t -> Instant.ofEpochMilli(t).toString()).orElse(null));
    json.put("releaseReason", row.releaseReason().orElse(null));
    json.put("certificateId", row.certificateId());
    json.put("method", PhoneStore.isPhone(row) ? "phone" : "online");
    return json;
  }

  private static String subject(KeyRow key) {
    return key.id() + " (" + key.partialKey() + ")";
  }

  private static String reasonDetail(String reason) {
    return Json.write(Map.of("reason", reason));
  }

  private static String productIds(Catalog cat) {
    return String.join(", ", cat.products().stream().map(Product::id).toList());
  }
}
