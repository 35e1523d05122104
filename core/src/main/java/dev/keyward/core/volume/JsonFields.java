package dev.keyward.core.volume;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Strict readers of the volume and VM activation protocols' JSON fields: a wrong type is a
 * malformed message.
 */
public final class JsonFields {
  /** Longest text any field of the protocol may carry (ids, names, a base64 key). */
  public static final int MAX_TEXT = 512;

  private JsonFields() {}

  public static String text(Map<?, ?> json, String field) {
    if (json.get(field) instanceof String s && !s.isBlank() && s.length() <= MAX_TEXT) {
      return s;
    }
    throw new IllegalArgumentException("'" + field + "' must be a non-empty text");
  }

  public static Optional<String> optionalText(Map<?, ?> json, String field) {
    return json.get(field) == null ? Optional.empty() : Optional.of(text(json, field));
  }

  public static long whole(Map<?, ?> json, String field, long min, long max) {
    if (json.get(field) instanceof Number n
        && (n instanceof Integer || n instanceof Long)
        && n.longValue() >= min
        && n.longValue() <= max) {
      return n.longValue();
    }
    throw new IllegalArgumentException(
        "'" + field + "' must be a whole number from " + min + " to " + max);
  }

  public static Instant instant(Map<?, ?> json, String field) {
    String text = text(json, field);
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant");
    }
  }
}
