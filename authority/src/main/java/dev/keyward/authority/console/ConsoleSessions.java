package dev.keyward.authority.console;

import dev.keyward.authority.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The console's signed-in sessions, kept in the database ({@code console_sessions}) so that any
 * authority node behind a load balancer serves any page of any session, and a sign-out on one node
 * ends the session on all (docs/scale-out.md). A session ends when idle for {@link #IDLE}, at
 * {@link #MAX_AGE} whatever its use, or at sign-out; times come from the authority's injected
 * clock. Each session has its own CSRF token, which every change must carry.
 *
 * <p>The cookie's value is stored only as its SHA-256. Its idle time restarts at most once a {@link
 * #TOUCH_EVERY}, so a page view costs a database read and, at most once a minute, a write: a
 * session may end up to that much before {@link #IDLE} after its last page.
 */
public final class ConsoleSessions {
  public static final Duration IDLE = Duration.ofMinutes(30);
  public static final Duration MAX_AGE = Duration.ofHours(8);
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** More open sessions than this and the least recently seen go first: the table stays small. */
  static final int MAX_SESSIONS = 1000;

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * @param actor who the audit log names: {@code console:admin} or {@code console:<name>}
   * @param csrf the token every change must carry
   */
  public record Session(String id, String actor, String csrf, Instant created, Instant lastSeen) {
    /** Whether {@code presented} is this session's CSRF token (compared in constant time). */
    public boolean csrfMatches(String presented) {
      return presented != null
          && MessageDigest.isEqual(
              csrf.getBytes(StandardCharsets.US_ASCII),
              presented.getBytes(StandardCharsets.US_ASCII));
    }
  }

  private final Database db;
  private final Clock clock;

  public ConsoleSessions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A new session for a signed-in operator; ended sessions and the oldest beyond the cap go. */
  public Session open(String actor) {
    Instant now = clock.instant();
    Session s = new Session(random(), actor, random(), now, now);
    db.write(
        h -> {
          h.createUpdate(
                  "DELETE FROM console_sessions WHERE last_seen_ms <= :idle OR created_ms <= :old")
              .bind("idle", now.minus(IDLE).toEpochMilli())
              .bind("old", now.minus(MAX_AGE).toEpochMilli())
              .execute();
          long open =
              h.createQuery("SELECT COUNT(*) FROM console_sessions").mapTo(Long.class).one();
          if (open >= MAX_SESSIONS) {
            h.createUpdate(
                    "DELETE FROM console_sessions WHERE id_hash IN (SELECT id_hash FROM"
                        + " console_sessions ORDER BY last_seen_ms LIMIT :n)")
                .bind("n", open - MAX_SESSIONS + 1)
                .execute();
          }
          h.createUpdate(
                  "INSERT INTO console_sessions (id_hash, actor, csrf, created_ms, last_seen_ms)"
                      + " VALUES (:id, :actor, :csrf, :at, :at)")
              .bind("id", hash(s.id()))
              .bind("actor", actor)
              .bind("csrf", s.csrf())
              .bind("at", now.toEpochMilli())
              .execute();
          return null;
        });
    return s;
  }

  /** The live session of this id, its idle time restarted; empty if unknown or ended. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) {
      return Optional.empty();
    }
    String key = hash(id);
    Optional<Session> stored =
        db.read(
            h ->
                h.createQuery(
                        "SELECT actor, csrf, created_ms, last_seen_ms FROM console_sessions"
                            + " WHERE id_hash = :id")
                    .bind("id", key)
                    .map(
                        (rs, ctx) ->
                            new Session(
                                id,
                                rs.getString(1),
                                rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3)),
                                Instant.ofEpochMilli(rs.getLong(4))))
                    .findOne());
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Session s = stored.get();
    Instant now = clock.instant();
    if (ended(s, now)) {
      delete(key);
      return Optional.empty();
    }
    if (!now.isBefore(s.lastSeen().plus(TOUCH_EVERY))) {
      db.write(
          h ->
              h.createUpdate(
                      "UPDATE console_sessions SET last_seen_ms = :now WHERE id_hash = :id"
                          + " AND last_seen_ms < :now")
                  .bind("now", now.toEpochMilli())
                  .bind("id", key)
                  .execute());
      return Optional.of(new Session(s.id(), s.actor(), s.csrf(), s.created(), now));
    }
    return Optional.of(s);
  }

  /** Ends the session (sign-out), on every node. */
  public void close(String id) {
    if (id != null && !id.isEmpty() && id.length() <= 100) {
      delete(hash(id));
    }
  }

  private void delete(String key) {
    db.write(
        h ->
            h.createUpdate("DELETE FROM console_sessions WHERE id_hash = :id")
                .bind("id", key)
                .execute());
  }

  private static boolean ended(Session s, Instant now) {
    return !now.isBefore(s.lastSeen().plus(IDLE)) || !now.isBefore(s.created().plus(MAX_AGE));
  }

  private static String hash(String id) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A random token of 256 bits, URL-safe. */
  public static String randomToken() {
    return random();
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
