package dev.keyward.authority.console;

import dev.keyward.authority.store.Database;
import dev.keyward.core.error.ErrorCode;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The API's errors by day and code for the dashboard. Counted in memory (an error answer costs no
 * database write, even under a flood of refusals) and added to {@code error_days} every minute and
 * at shutdown. Rate-limit answers and unknown routes are not counted: they say nothing about keys.
 */
public final class ErrorTally implements AutoCloseable {
  private static final long DAY_MS = 86_400_000L;

  /** One day's count of one code. */
  public record Day(long day, String code) {}

  private static final java.util.Comparator<Day> ORDER =
      java.util.Comparator.comparingLong(Day::day).thenComparing(Day::code);

  private final Database db;
  private final Clock clock;
  private final Map<Day, LongAdder> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher;

  public ErrorTally(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "keyward-error-tally");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(this::flushQuietly, 60, 60, TimeUnit.SECONDS);
  }

  /** Counts one error answer. */
  public void count(int status, ErrorCode code) {
    if (status == 429 || status == 404 || status == 405 || status >= 500) {
      return;
    }
    long day = Math.floorDiv(clock.millis(), DAY_MS);
    pending.computeIfAbsent(new Day(day, code.hex()), d -> new LongAdder()).increment();
  }

  /** The counts from {@code fromDay} on (days since the epoch), stored and pending. */
  public Map<Day, Long> since(long fromDay) {
    flush();
    Map<Day, Long> out = new TreeMap<>(ORDER);
    db.read(
            h ->
                h.createQuery("SELECT day, code, count FROM error_days WHERE day >= :from")
                    .bind("from", fromDay)
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
                    .list())
        .forEach(
            row -> out.merge(new Day((Long) row[0], (String) row[1]), (Long) row[2], Long::sum));
    return out;
  }

  /** Adds the pending counts to the table, one transaction. */
  public synchronized void flush() {
    // The adders stay (a count racing the flush lands in the next one); days before yesterday go.
    long today = Math.floorDiv(clock.millis(), DAY_MS);
    Map<Day, Long> taken = new TreeMap<>(ORDER);
    pending.forEach(
        (d, adder) -> {
          long n = adder.sumThenReset();
          if (n > 0) {
            taken.put(d, n);
          }
        });
    pending.keySet().removeIf(d -> d.day() < today - 1);
    if (taken.isEmpty()) {
      return;
    }
    db.write(
        h -> {
          for (Map.Entry<Day, Long> e : taken.entrySet()) {
            h.createUpdate(
                    "INSERT INTO error_days (day, code, count) VALUES (:day, :code, :n)"
                        + " ON CONFLICT (day, code) DO UPDATE SET count = error_days.count + :n")
                .bind("day", e.getKey().day())
                .bind("code", e.getKey().code())
                .bind("n", e.getValue())
                .execute();
          }
          return null;
        });
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(ErrorTally.class).warn("cannot store the error counts", e);
    }
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    flushQuietly();
  }
}
