package dev.keyward.core.protocol;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The strict field readers every wire record's reader is made of: a field of the wrong type, too
 * long, empty or missing stops the reading with a sentence naming it ({@code field 'x' is
 * required}), the sentences the authority has always answered with.
 */
public final class WireFields {
  /** Longest text a field may carry. */
  public static final int MAX_TEXT = 2000;

  private final Map<?, ?> json;
  private final String prefix;

  private WireFields(Map<?, ?> json, String prefix) {
    this.json = json;
    this.prefix = prefix;
  }

  public static WireFields of(Map<?, ?> json) {
    return new WireFields(json, "");
  }

  /** Why a field was refused; caught by {@link Parsed#read}. */
  static final class BadField extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;
    final transient Failure failure;

    BadField(String field, Failure failure) {
      super(failure.detail(), null, false, false);
      this.field = field;
      this.failure = failure;
    }
  }

  private String name(String field) {
    return prefix + field;
  }

  private BadField bad(String field, String problem) {
    return refuse(name(field), "field '" + name(field) + "' " + problem);
  }

  /** A field refused with the catalogue's bad-request code and a sentence naming it. */
  static BadField refuse(String field, String detail) {
    return new BadField(field, Failure.of(ErrorCode.BAD_REQUEST, detail));
  }

  public Object raw(String field) {
    return json.get(field);
  }

  public String text(String field) {
    return optionalText(field).orElseThrow(() -> bad(field, "is required"));
  }

  public Optional<String> optionalText(String field) {
    Object v = json.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw bad(field, "must be text");
    }
    if (s.length() > MAX_TEXT) {
      throw bad(field, "is too long");
    }
    if (s.isBlank()) {
      throw bad(field, "is empty");
    }
    return Optional.of(s);
  }

  public boolean bool(String field, boolean fallback) {
    Object v = json.get(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Boolean b)) {
      throw bad(field, "must be true or false");
    }
    return b;
  }

  public int whole(String field, int min, int max) {
    Object v = json.get(field);
    if (v == null) {
      throw bad(field, "is required");
    }
    if (!(v instanceof Integer || v instanceof Long)
        || ((Number) v).longValue() < min
        || ((Number) v).longValue() > max) {
      throw bad(field, "must be a whole number " + min + ".." + max);
    }
    return ((Number) v).intValue();
  }

  public Map<?, ?> object(String field) {
    Object v = json.get(field);
    if (v == null) {
      throw bad(field, "is required");
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw bad(field, "must be an object");
    }
    return m;
  }

  public Instant instant(String field) {
    String text = text(field);
    Instant plain = plainUtc(text);
    if (plain != null) {
      return plain;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw bad(field, "must be an ISO-8601 instant such as 2026-03-01T10:00:00Z");
    }
  }

  public String cmid(String field) {
    return Cmid.parse(text(field))
        .map(Cmid::format)
        .orElseThrow(() -> bad(field, "must be a UUID (the CMID)"));
  }

  /** The ten component hashes: exactly the ten names, each 32 lower-case hex digits. */
  public HardwareIdentity components(String field) {
    Map<?, ?> map = object(field);
    for (Object n : map.keySet()) {
      if (!(n instanceof String s) || Component.byName(s).isEmpty()) {
        throw bad(
            field,
            "has unknown component '"
                + clip(String.valueOf(n))
                + "' (expected "
                + Component.allNames()
                + ")");
      }
    }
    WireFields c = new WireFields(map, name(field) + ".");
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      String hex = c.text(component.fileName());
      hashes.put(
          component,
          ComponentHash.parse(hex)
              .orElseThrow(
                  () ->
                      c.bad(
                          component.fileName(),
                          "must be 32 lower-case hex digits (the salted hash)")));
    }
    return new HardwareIdentity(hashes);
  }

  /** The wire form of a machine: the ten component names, each with its hash's hex. */
  public static Map<String, Object> components(HardwareIdentity identity) {
    Map<String, Object> components = new LinkedHashMap<>();
    for (Component c : Component.values()) {
      components.put(c.fileName(), identity.hex(c));
    }
    return components;
  }

  private static String clip(String s) {
    String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SSZ}, what clients send, read without the ISO formatter (a tenth of its
   * cost); null for anything else or an invalid date, which {@link Instant#parse} then reads or
   * refuses, so the outcome is the same.
   */
  public static Instant plainUtc(String s) {
    if (s.length() != 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // out of range (a leap second, 31 April, …): the formatter decides
    }
  }

  /** The decimal number of {@code n} ASCII digits at {@code from}; -1 if one is not a digit. */
  private static int digits(String s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
