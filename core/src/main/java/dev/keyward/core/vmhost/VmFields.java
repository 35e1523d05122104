package dev.keyward.core.vmhost;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Strict readers of the agent protocol's JSON fields: a wrong type is a malformed message. */
final class VmFields {
  /** Longest text any field may carry (names, ids, a base64 key). */
  static final int MAX_TEXT = 512;

  private VmFields() {}

  static String text(Map<?, ?> json, String field) {
    if (json.get(field) instanceof String s && !s.isBlank() && s.length() <= MAX_TEXT) {
      return s;
    }
    throw new IllegalArgumentException("'" + field + "' must be a non-empty text");
  }

  static long whole(Map<?, ?> json, String field, long min, long max) {
    if (json.get(field) instanceof Number n
        && (n instanceof Integer || n instanceof Long)
        && n.longValue() >= min
        && n.longValue() <= max) {
      return n.longValue();
    }
    throw new IllegalArgumentException(
        "'" + field + "' must be a whole number from " + min + " to " + max);
  }

  static Instant instant(Map<?, ?> json, String field) {
    String text = text(json, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant");
    }
  }
}
