package dev.keyward.volumehost.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's signed-in sessions, in memory (a restart signs everyone out). A session ends {@link
 * #IDLE} after its last request, on the injected clock, or when its owner signs out. Each has its
 * own CSRF token, sent back in every form and checked on every change.
 */
final class Sessions {
  /** A session without a request for this long has ended. */
  static final Duration IDLE = Duration.ofMinutes(30);

  /** At most this many sessions at once: the oldest goes first (a console has few users). */
  static final int MAX = 64;

  /** One session: its cookie value, its CSRF token and when it ends unless used. */
  record Session(String id, String csrf, Instant expires) {}

  private final Clock clock;
  private final SecureRandom random;
  private final Map<String, Session> live = new LinkedHashMap<>();

  Sessions(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  synchronized Session open() {
    Session s = new Session(secret(), secret(), clock.instant().plus(IDLE));
    live.put(s.id(), s);
    while (live.size() > MAX) {
      Iterator<String> oldest = live.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return s;
  }

  /** The live session with this id, its end moved {@link #IDLE} later; empty when none. */
  synchronized Optional<Session> use(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = live.get(id);
    Instant now = clock.instant();
    if (s == null) {
      return Optional.empty();
    }
    if (!now.isBefore(s.expires())) {
      live.remove(id);
      return Optional.empty();
    }
    Session renewed = new Session(s.id(), s.csrf(), now.plus(IDLE));
    live.put(id, renewed);
    return Optional.of(renewed);
  }

  synchronized void close(String id) {
    live.remove(id);
  }

  private String secret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
