package dev.keyward.authority.console;

import dev.keyward.authority.http.Route;
import dev.keyward.core.catalog.Channel;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: activations per day by channel and errors per day by code over the last 30 days
 * (drawn from the database), multiple activation keys near their pool's limit, keys recently
 * blocked.
 */
final class DashboardPage {
  static final int DAYS = 30;
  static final int NEAR_LIMIT_PERCENT = 80;

  private final ConsoleView view;
  private final ConsoleQueries queries;
  private final ErrorTally errors;
  private final Clock clock;

  DashboardPage(ConsoleView view, ConsoleQueries queries, ErrorTally errors, Clock clock) {
    this.view = view;
    this.queries = queries;
    this.errors = errors;
    this.clock = clock;
  }

  List<Route> routes() {
    return List.of(new Route(HandlerType.GET, "/console", false, this::show));
  }

  private void show(Context ctx) {
    LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(clock.millis(), ConsoleQueries.DAY_MS));
    long from = today.toEpochDay() - (DAYS - 1);
    List<String> channels = Arrays.stream(Channel.values()).map(Channel::name).toList();
    BarChart activations = BarChart.empty("Activations per day by channel", today, DAYS, channels);
    for (long[] row : queries.activationsPerDay(from, channels)) {
      activations.add(row[0], (int) row[1], row[2]);
    }
    Map<ErrorTally.Day, Long> counted = errors.since(from);
    List<String> codes = new ArrayList<>();
    counted.keySet().stream().map(ErrorTally.Day::code).distinct().sorted().forEach(codes::add);
    BarChart refusals = BarChart.empty("Errors per day by code", today, DAYS, codes);
    counted.forEach((d, n) -> refusals.add(d.day(), codes.indexOf(d.code()), n));
    view.render(
        ctx,
        "vendor/dashboard.jte",
        ConsoleRequest.page(ctx, "Dashboard", "dashboard"),
        Map.of(
            "activations", activations,
            "errors", refusals,
            "pools", queries.poolsNearLimit(NEAR_LIMIT_PERCENT, 20),
            "percent", NEAR_LIMIT_PERCENT,
            "blocked", queries.recent(List.of("keys.block"), 10)));
  }
}
