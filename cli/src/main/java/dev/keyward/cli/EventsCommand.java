package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.client.LocalStore;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward events [--id N] [--since T]}: the store's event logs (each product's {@code
 * events.jsonl}), oldest first, the way the seeds' administrators read Event Viewer: 12288 a volume
 * request was sent, 12289 its answer processed, 12290 a volume host processed a request, 12293 and
 * 12294 a host's DNS publishing failed or succeeded. Events without an id are shown too unless
 * {@code --id} filters.
 */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description =
        "Show the store's events (oldest first): --id 12289 for volume answers, --since a time.")
final class EventsCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Option(names = "--id", paramLabel = "N", description = "Only the events with this id.")
  Integer id;

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "Only the events at or after T (2026-03-01 or 2026-03-01T10:00:00Z).")
  String since;

  @Override
  public Integer call() {
    Optional<Instant> from = Optional.ofNullable(since).map(EventsCommand::instant);
    LocalStore store = new LocalStore(root.storeDir(), new SecureRandom());
    List<String> products = root.chosenProduct().map(List::of).orElseGet(store::products);
    List<Map<String, Object>> events = new ArrayList<>();
    for (String product : products) {
      for (Map<String, Object> e : store.events(product)) {
        if (matches(e, from)) {
          Map<String, Object> shown = new LinkedHashMap<>();
          shown.put("product", product);
          shown.putAll(e);
          events.add(shown);
        }
      }
    }
    events.sort(Comparator.comparing(e -> String.valueOf(e.get("at"))));
    if (root.json) {
      root.ctx.out().println(Json.write(Map.of("events", events)));
      return KeywardCli.OK;
    }
    if (events.isEmpty()) {
      root.ctx.out().println("No events" + (id == null ? "" : " with id " + id) + ".");
    }
    for (Map<String, Object> e : events) {
      root.ctx.out().println(line(e));
    }
    return KeywardCli.OK;
  }

  private boolean matches(Map<String, Object> e, Optional<Instant> from) {
    if (id != null && !(e.get("id") instanceof Number n && n.longValue() == id)) {
      return false;
    }
    if (from.isPresent()) {
      try {
        return !Instant.parse(String.valueOf(e.get("at"))).isBefore(from.get());
      } catch (DateTimeParseException bad) {
        return false;
      }
    }
    return true;
  }

  /** {@code 2026-03-01T10:00:00Z 12289 VolumeAnswerProcessed host=… count=5}. */
  private static String line(Map<String, Object> e) {
    StringBuilder b = new StringBuilder();
    b.append(e.get("at")).append("  ");
    b.append(e.get("id") == null ? "    -" : String.format("%5s", e.get("id"))).append("  ");
    b.append(e.get("event"));
    e.forEach(
        (k, v) -> {
          if (!List.of("at", "id", "event").contains(k) && v != null) {
            b.append("  ").append(k).append('=').append(v);
          }
        });
    return b.toString();
  }

  private static Instant instant(String typed) {
    try {
      return Instant.parse(typed.strip());
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDate.parse(typed.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw KeywardException.of(
            ErrorCode.BAD_REQUEST,
            "--since takes a date or a time in UTC (2026-03-01 or 2026-03-01T10:00:00Z); got '"
                + typed
                + "'.");
      }
    }
  }
}
