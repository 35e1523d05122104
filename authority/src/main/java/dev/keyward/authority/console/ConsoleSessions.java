package dev.keyward.authority.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's signed-in sessions, in memory (a restart signs everyone out). A session ends when
 * idle for {@link #IDLE}, at {@link #MAX_AGE} whatever its use, or at sign-out; times come from the
 * authority's injected clock. Each session has its own CSRF token, which every change must carry.
 */
public final class ConsoleSessions {
  public static final Duration IDLE = Duration.ofMinutes(30);
  public static final Duration MAX_AGE = Duration.ofHours(8);

  /** More open sessions than this and the oldest go first: memory stays bounded. */
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

  private final Clock clock;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public ConsoleSessions(Clock clock) {
    this.clock = clock;
  }

  /** A new session for a signed-in operator. */
  public Session open(String actor) {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.values().stream()
          .min(java.util.Comparator.comparing(Session::lastSeen))
          .ifPresent(oldest -> sessions.remove(oldest.id()));
    }
    Session s = new Session(random(), actor, random(), now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session of this id, its idle time restarted; empty if unknown or expired. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(s, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session touched = new Session(s.id(), s.actor(), s.csrf(), s.created(), now);
    sessions.put(id, touched);
    return Optional.of(touched);
  }

  public void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private static boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastSeen().plus(IDLE)) || !now.isBefore(s.created().plus(MAX_AGE));
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
