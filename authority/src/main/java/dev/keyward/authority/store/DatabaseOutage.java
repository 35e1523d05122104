package dev.keyward.authority.store;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that is away for a moment (a failover, a broken connection, every connection
 * busy) from a fault, so that the request is answered {@code 503} with {@code Retry-After} and code
 * 0xC0DE0058 — retryable, and nothing was applied, since the transaction did not commit — instead
 * of {@code 500}. HikariCP replaces a broken connection by itself; the next request gets a working
 * one.
 */
public final class DatabaseOutage {
  /** Seconds a client waits before sending the request again. */
  public static final int RETRY_AFTER_SECONDS = 2;

  // SQLSTATEs of a database that is away or changing roles: connection exceptions (08xxx),
  // administrator shutdown / crash / cannot connect now (57P01..57P03), read-only transaction (a
  // demoted primary still answering), too many connections, serialization failure / deadlock.
  private static final Set<String> STATES =
      Set.of("57P01", "57P02", "57P03", "25006", "53300", "40001", "40P01");

  private DatabaseOutage() {}

  /**
   * The failure to answer (the HTTP layer answers it 503 with {@code Retry-After}) if {@code e}
   * comes from a database that is away, else empty.
   */
  public static Optional<Failure> of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException) {
        return Optional.of(answer());
      }
      if (t instanceof SQLException sql && retryable(sql.getSQLState())) {
        return Optional.of(answer());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  static boolean retryable(String state) {
    return state != null && (state.startsWith("08") || STATES.contains(state));
  }

  private static Failure answer() {
    return Failure.of(
        ErrorCode.AUTHORITY_DATABASE_UNAVAILABLE,
        "The authority's database does not answer for a moment; the request was not applied."
            + " Send it again.");
  }
}
