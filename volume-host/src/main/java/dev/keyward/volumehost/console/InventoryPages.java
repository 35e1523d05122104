package dev.keyward.volumehost.console;

import dev.keyward.core.catalog.Family;
import dev.keyward.core.json.Json;
import dev.keyward.volumehost.HostReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machines (with the counts), expiring and events pages. */
final class InventoryPages {
  static final int EVENTS_SHOWN = 200;

  private final ConsoleContext context;
  private final Pages pages;
  private final Inventory inventory;

  InventoryPages(ConsoleContext context, Pages pages) {
    this.context = context;
    this.pages = pages;
    this.inventory = new Inventory(context.catalog());
  }

  private List<Inventory.Entry> entries(Instant now) {
    return inventory.entries(
        new RequestLog(context.files().events()).served(),
        new SiteMachines(context.siteMachines()).all(),
        now);
  }

  Reply machines(Call call) {
    Instant now = context.clock().instant();
    Map<String, Object> block =
        HostReport.read(context.files(), context.catalog(), now).orElse(Map.of());
    List<View.CountRow> counts = counts(block);
    View.HostLine host =
        new View.HostLine(
            text(block.get("hostId")),
            Boolean.TRUE.equals(block.get("activated"))
                ? "yes"
                : "no"
                    + (block.get("notActivatedReason") == null
                        ? ""
                        : ": " + block.get("notActivatedReason")),
            text(block.get("url")),
            requests(block.get("requests")));
    List<View.MachineRow> rows = entries(now).stream().map(Inventory.Entry::row).toList();
    return Reply.html(
        200,
        pages.render(
            "machines.jte",
            Pages.frame(call, "Machines", "machines"),
            "host",
            host,
            "counts",
            counts,
            "machines",
            rows));
  }

  Reply expiring(Call call) {
    Instant now = context.clock().instant();
    List<View.MachineRow> rows =
        Inventory.expiring(entries(now), now).stream().map(Inventory.Entry::row).toList();
    return Reply.html(
        200,
        pages.render(
            "expiring.jte",
            Pages.frame(call, "Activations ending within 30 days", "expiring"),
            "machines",
            rows));
  }

  Reply events(Call call) {
    List<View.EventRow> rows = new ArrayList<>();
    for (Map<String, Object> e : new RequestLog(context.files().events()).latest(EVENTS_SHOWN)) {
      Map<String, Object> rest = new LinkedHashMap<>(e);
      Object at = rest.remove("at");
      Object id = rest.remove("id");
      Object name = rest.remove("event");
      rows.add(new View.EventRow(text(at), text(id), text(name), Json.write(rest)));
    }
    return Reply.html(
        200, pages.render("events.jte", Pages.frame(call, "Events", "events"), "events", rows));
  }

  @SuppressWarnings("unchecked")
  private static List<View.CountRow> counts(Map<String, Object> block) {
    List<View.CountRow> out = new ArrayList<>();
    if (block.get("counts") instanceof Map<?, ?> counts
        && block.get("thresholds") instanceof Map<?, ?> thresholds) {
      for (Family family : Family.values()) {
        if (counts.get(family.yamlName()) instanceof Number n
            && thresholds.get(family.yamlName()) instanceof Number t) {
          out.add(
              new View.CountRow(
                  family.yamlName(), n.intValue(), t.intValue(), n.intValue() >= t.intValue()));
        }
      }
    }
    return out;
  }

  private static String requests(Object value) {
    if (value instanceof Map<?, ?> r) {
      return r.get("received")
          + " received, "
          + r.get("granted")
          + " granted, "
          + r.get("failed")
          + " failed (since the host started)";
    }
    return "-";
  }

  private static String text(Object o) {
    return o == null ? "-" : o.toString();
  }
}
