package dev.keyward.authority.console;

import dev.keyward.authority.http.Route;
import dev.keyward.authority.store.AuditEntry;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log, newest first, a page at a time, filtered by actor, action and subject text, with
 * the whole chain's verification (hashes, links, head, signed checkpoints) at the top.
 */
final class AuditPage {
  private final ConsoleView view;
  private final VendorServices services;
  private final ConsoleQueries queries;

  AuditPage(ConsoleView view, VendorServices services, ConsoleQueries queries) {
    this.view = view;
    this.services = services;
    this.queries = queries;
  }

  List<Route> routes() {
    return List.of(new Route(HandlerType.GET, "/console/audit", false, this::show));
  }

  private void show(Context ctx) {
    long before = Long.MAX_VALUE;
    String beforeText = ConsoleRequest.field(ctx, "before");
    if (!beforeText.isEmpty()) {
      try {
        before = Math.max(0, Long.parseLong(beforeText));
      } catch (NumberFormatException e) {
        throw dev.keyward.authority.http.ApiException.badRequest(
            "'before' must be an entry number (a whole number).");
      }
    }
    var filter =
        new ConsoleQueries.AuditFilter(
            ConsoleRequest.field(ctx, "actor"),
            ConsoleRequest.field(ctx, "action"),
            ConsoleRequest.field(ctx, "subject"),
            before);
    // one more than a page: whether there is a next page
    List<AuditEntry> entries = queries.audit(filter, ConsoleQueries.PAGE + 1);
    boolean more = entries.size() > ConsoleQueries.PAGE;
    if (more) {
      entries = entries.subList(0, ConsoleQueries.PAGE);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("filter", filter);
    model.put("entries", entries);
    model.put("older", more ? older(filter, entries.get(entries.size() - 1).seq()) : "");
    model.put("actions", queries.actions());
    model.put("verification", AuditStatus.of(services.verifyAudit()));
    view.render(ctx, "vendor/audit.jte", ConsoleRequest.page(ctx, "Audit log", "audit"), model);
  }

  private static String older(ConsoleQueries.AuditFilter f, long before) {
    return "/console/audit?before="
        + before
        + "&actor="
        + encode(f.actor())
        + "&action="
        + encode(f.actions())
        + "&subject="
        + encode(f.subject());
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
