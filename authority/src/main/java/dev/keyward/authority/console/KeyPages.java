package dev.keyward.authority.console;

import dev.keyward.authority.http.Route;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys pages: search and filters, issuing a batch (shown once, or downloaded as CSV or text),
 * and a key's page with its activations, pool, downgrade keys and history, where support blocks,
 * unblocks, extends a pool, releases activations and issues downgrade keys, each with a reason.
 */
final class KeyPages {
  static final int LIST_LIMIT = 100;

  private final ConsoleView view;
  private final VendorServices services;
  private final ConsoleQueries queries;

  KeyPages(ConsoleView view, VendorServices services, ConsoleQueries queries) {
    this.view = view;
    this.services = services;
    this.queries = queries;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/console/keys", false, this::list),
        new Route(HandlerType.POST, "/console/keys", false, this::issue),
        new Route(HandlerType.GET, "/console/keys/{key}", false, this::detail),
        new Route(HandlerType.POST, "/console/keys/{key}/block", false, ctx -> block(ctx, true)),
        new Route(HandlerType.POST, "/console/keys/{key}/unblock", false, ctx -> block(ctx, false)),
        new Route(HandlerType.POST, "/console/keys/{key}/extend", false, this::extend),
        new Route(HandlerType.POST, "/console/keys/{key}/release", false, this::release),
        new Route(HandlerType.POST, "/console/keys/{key}/downgrade", false, this::downgrade));
  }

  private void list(Context ctx) {
    var filter =
        new ConsoleQueries.KeyFilter(
            ConsoleRequest.field(ctx, "q"),
            ConsoleRequest.field(ctx, "product"),
            ConsoleRequest.field(ctx, "version"),
            ConsoleRequest.field(ctx, "edition"),
            ConsoleRequest.field(ctx, "channel"),
            ConsoleRequest.field(ctx, "blocked"));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("filter", filter);
    model.put("choices", Choices.of(services.catalog()));
    model.put("keys", queries.keys(filter, LIST_LIMIT));
    model.put("limit", LIST_LIMIT);
    view.render(ctx, "vendor/keys.jte", ConsoleRequest.page(ctx, "Keys", "keys"), model);
  }

  private void issue(Context ctx) {
    String channel = ConsoleRequest.field(ctx, "channel");
    var issue =
        new VendorServices.Issue(
            ConsoleRequest.optional(ctx, "product"),
            ConsoleRequest.field(ctx, "version"),
            ConsoleRequest.optional(ctx, "edition"),
            channel,
            ConsoleRequest.number(ctx, "count", 1, 1000),
            ConsoleRequest.optional(ctx, "pool")
                .map(p -> ConsoleRequest.number(ctx, "pool", 1, 1_000_000)));
    String format = ConsoleRequest.field(ctx, "format");
    List<Map<String, Object>> keys = services.issue(issue, ConsoleRequest.session(ctx).actor());
    if (format.equals("csv") || format.equals("text")) {
      ConsoleView.headers(ctx);
      ctx.header(
          "Content-Disposition",
          "attachment; filename=\"keys." + (format.equals("csv") ? "csv" : "txt") + "\"");
      ctx.contentType(
              format.equals("csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8")
          .result(format.equals("csv") ? KeyFiles.csv(keys) : KeyFiles.text(keys));
      return;
    }
    view.render(
        ctx,
        "vendor/issued.jte",
        ConsoleRequest.page(ctx, "Keys issued", "keys"),
        Map.of("keys", keys));
  }

  private void detail(Context ctx) {
    String param = ctx.pathParam("key");
    Map<String, Object> key = services.show(param);
    String id = String.valueOf(key.get("id"));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("key", KeyFiles.view(key));
    model.put("activations", services.activations(id));
    model.put(
        "history", queries.audit(new ConsoleQueries.AuditFilter("", "", id, Long.MAX_VALUE), 50));
    model.put("versions", Choices.of(services.catalog()).versions());
    view.render(
        ctx,
        "vendor/key.jte",
        ConsoleRequest.page(ctx, "Key " + key.get("partialKey"), "keys"),
        model);
  }

  private void block(Context ctx, boolean blocked) {
    String reason = ConsoleRequest.reason(ctx);
    Map<String, Object> key =
        services.setBlocked(
            ctx.pathParam("key"), blocked, reason, ConsoleRequest.session(ctx).actor());
    back(ctx, key, blocked ? "block" : "unblock");
  }

  private void extend(Context ctx) {
    String reason = ConsoleRequest.reason(ctx);
    int by = ConsoleRequest.number(ctx, "by", 1, 1_000_000);
    back(
        ctx,
        services.extend(ctx.pathParam("key"), by, reason, ConsoleRequest.session(ctx).actor()),
        "extend");
  }

  private void release(Context ctx) {
    String reason = ConsoleRequest.reason(ctx);
    String key = ctx.pathParam("key");
    Optional<String> only = ConsoleRequest.optional(ctx, "activation");
    services.release(key, only, reason, ConsoleRequest.session(ctx).actor());
    back(ctx, services.show(key), "release");
  }

  private void downgrade(Context ctx) {
    String reason = ConsoleRequest.reason(ctx);
    String version = ConsoleRequest.field(ctx, "version");
    Map<String, Object> issued =
        services.downgrade(
            ctx.pathParam("key"), version, reason, ConsoleRequest.session(ctx).actor());
    view.render(
        ctx,
        "vendor/issued.jte",
        ConsoleRequest.page(ctx, "Downgrade key", "keys"),
        Map.of("keys", List.of(issued)));
  }

  private static void back(Context ctx, Map<String, Object> key, String done) {
    ConsoleView.headers(ctx);
    ctx.redirect(
        "/console/keys/"
            + URLEncoder.encode(String.valueOf(key.get("id")), StandardCharsets.UTF_8)
            + "?done="
            + done,
        HttpStatus.SEE_OTHER);
  }
}
