package dev.keyward.authority;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ChannelPolicy;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.json.Json;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * {@code POST /v1/admin/keys}: finds the catalog's key group for what the operator asked, then
 * issues that many keys of it, their serials allocated and their audit entry written in one
 * transaction. Each problem with the request is a 400 that names what the catalog has.
 */
final class KeyIssuing {
  private final Store store;
  private final Keyring keyring;
  private final Supplier<Catalog> catalog;
  private final Clock clock;

  KeyIssuing(Store store, Keyring keyring, Supplier<Catalog> catalog, Clock clock) {
    this.store = store;
    this.keyring = keyring;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** What the request names, checked against the catalog; {@code pool} is 0 but for MAK keys. */
  private record Target(Product product, KeyGroup group, Channel channel, int pool) {}

  List<Map<String, Object>> issue(AdminService.IssueCommand c, String actor) {
    Target target = target(c);
    long now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    return store
        .db()
        .write(
            h -> {
              long first = store.keys().allocateSerials(h, target.group().number(), c.count());
              List<Map<String, Object>> out = new ArrayList<>();
              List<String> partials = new ArrayList<>();
              List<String> ids = new ArrayList<>();
              for (int i = 0; i < c.count(); i++) {
                ProductKey key =
                    ProductKeyCodec.encode(target.group().number(), first + i, keyring.tagger());
                KeyRow row = row(target, key, first + i, now);
                store.keys().insertKey(h, row);
                Map<String, Object> record = KeyRecords.record(row, 0);
                record.put("key", key.display());
                out.add(record);
                partials.add(key.partial());
                ids.add(row.id());
              }
              audit(h, target, partials, ids, actor, now);
              return out;
            });
  }

  private Target target(AdminService.IssueCommand c) {
    Product product = product(catalog.get(), c);
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
    return new Target(product, group(product, c, channel), channel, pool(product, c, channel));
  }

  /** The product named, or the catalog's only one. */
  private static Product product(Catalog cat, AdminService.IssueCommand c) {
    if (c.product().isPresent()) {
      return cat.product(c.product().get())
          .orElseThrow(
              () ->
                  ApiException.badRequest(
                      "unknown product '"
                          + c.product().get()
                          + "' (catalog: "
                          + productIds(cat)
                          + ")"));
    }
    if (cat.products().size() == 1) {
      return cat.products().get(0);
    }
    throw ApiException.badRequest("name the product: the catalog has " + productIds(cat));
  }

  private static KeyGroup group(Product product, AdminService.IssueCommand c, Channel channel) {
    return product
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
  }

  /** A MAK key's pool: asked for, else the channel policy's default; other keys have none. */
  private static int pool(Product product, AdminService.IssueCommand c, Channel channel) {
    if (channel == Channel.VOLUME_MAK) {
      ChannelPolicy policy = product.channel(channel).orElse(ChannelPolicy.defaults(channel));
      return c.pool().orElse(policy.defaultPool());
    }
    if (c.pool().isPresent()) {
      throw ApiException.badRequest("only multiple activation keys (VOLUME_MAK) have a pool");
    }
    return 0;
  }

  private KeyRow row(Target target, ProductKey key, long serial, long now) {
    String fingerprint = keyring.fingerprint().of(key);
    KeyGroup group = target.group();
    return new KeyRow(
        Ids.next("pk"),
        fingerprint,
        key.partial(),
        keyring.cipher().encrypt(key.canonical(), fingerprint),
        group.number(),
        serial,
        target.product().id(),
        group.version(),
        group.edition(),
        target.channel().name(),
        false,
        target.pool(),
        0,
        0,
        now);
  }

  /**
   * The batch's entry names each key by its partial key and its record id, so that a key's history
   * (the entries naming its id) starts with its issue.
   */
  private void audit(
      Handle h, Target target, List<String> partials, List<String> ids, String actor, long now) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("count", partials.size());
    detail.put("group", target.group().number());
    detail.put("partialKeys", partials);
    detail.put("ids", ids);
    if (target.channel() == Channel.VOLUME_MAK) {
      detail.put("pool", target.pool());
    }
    store
        .audit()
        .appendAudit(h, now, actor, "keys.issue", target.group().describe(), Json.write(detail));
  }

  private static String productIds(Catalog cat) {
    return String.join(", ", cat.products().stream().map(Product::id).toList());
  }
}
