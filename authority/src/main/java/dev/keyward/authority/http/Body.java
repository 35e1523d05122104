package dev.keyward.authority.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.authority.ApiException;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON request body, read strictly (no duplicate fields, no trailing data, bounded depth) and
 * taken apart field by field; every mistake is a 400 naming the field.
 */
public final class Body {
  static final int MAX_TEXT = 2000;

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxNumberLength(40)
                .maxStringLength(64 * 1024)
                .build());
  }

  private final ObjectNode json;
  private final String prefix;

  private Body(ObjectNode json, String prefix) {
    this.json = json;
    this.prefix = prefix;
  }

  /** Like {@link #parse}, but an empty body is an empty object (optional-field endpoints). */
  public static Body parseOrEmpty(byte[] bytes) {
    if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return new Body(MAPPER.createObjectNode(), "");
    }
    return parse(bytes);
  }

  public static Body parse(byte[] bytes) {
    if (bytes.length == 0) {
      throw ApiException.badRequest("the request needs a JSON object body");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + describe(e));
    } catch (IOException e) {
      throw ApiException.badRequest("the body cannot be read as JSON");
    }
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
    return new Body(object, "");
  }

  public ObjectNode json() {
    return json;
  }

  private String name(String field) {
    return prefix + field;
  }

  private boolean absent(String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull();
  }

  public String text(String field) {
    return optionalText(field)
        .orElseThrow(() -> ApiException.badRequest("field '" + name(field) + "' is required"));
  }

  public Optional<String> optionalText(String field) {
    if (absent(field)) {
      return Optional.empty();
    }
    JsonNode n = json.get(field);
    if (!n.isTextual()) {
      throw ApiException.badRequest("field '" + name(field) + "' must be text");
    }
    String s = n.textValue();
    if (s.length() > MAX_TEXT) {
      throw ApiException.badRequest("field '" + name(field) + "' is too long");
    }
    if (s.isBlank()) {
      throw ApiException.badRequest("field '" + name(field) + "' is empty");
    }
    return Optional.of(s);
  }

  public boolean bool(String field, boolean fallback) {
    if (absent(field)) {
      return fallback;
    }
    JsonNode n = json.get(field);
    if (!n.isBoolean()) {
      throw ApiException.badRequest("field '" + name(field) + "' must be true or false");
    }
    return n.booleanValue();
  }

  public Optional<Integer> optionalInt(String field, int min, int max) {
    if (absent(field)) {
      return Optional.empty();
    }
    JsonNode n = json.get(field);
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
      throw ApiException.badRequest(
          "field '" + name(field) + "' must be a whole number " + min + ".." + max);
    }
    return Optional.of(n.intValue());
  }

  public Body object(String field) {
    if (absent(field)) {
      throw ApiException.badRequest("field '" + name(field) + "' is required");
    }
    if (!(json.get(field) instanceof ObjectNode o)) {
      throw ApiException.badRequest("field '" + name(field) + "' must be an object");
    }
    return new Body(o, name(field) + ".");
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
      throw ApiException.badRequest(
          "field '" + name(field) + "' must be an ISO-8601 instant such as 2026-03-01T10:00:00Z");
    }
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SSZ}, what clients send, read without the ISO formatter (a tenth of its
   * cost); null for anything else or an invalid date, which {@link Instant#parse} then reads or
   * refuses, so the outcome is the same.
   */
  static Instant plainUtc(String s) {
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
      return java.time.LocalDateTime.of(year, month, day, hour, minute, second)
          .toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
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

  public String cmid(String field) {
    return Cmid.parse(text(field))
        .map(Cmid::format)
        .orElseThrow(
            () -> ApiException.badRequest("field '" + name(field) + "' must be a UUID (the CMID)"));
  }

  /** The ten component hashes: exactly the ten names, each 32 lower-case hex digits. */
  public HardwareIdentity components(String field) {
    Body c = object(field);
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    Iterator<String> names = c.json.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (Component.byName(n).isEmpty()) {
        throw ApiException.badRequest(
            "field '"
                + name(field)
                + "' has unknown component '"
                + clip(n)
                + "' (expected "
                + Component.allNames()
                + ")");
      }
    }
    for (Component component : Component.values()) {
      String hex = c.text(component.fileName());
      hashes.put(
          component,
          ComponentHash.parse(hex)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "field '"
                              + c.name(component.fileName())
                              + "' must be 32 lower-case hex digits (the salted hash)")));
    }
    return new HardwareIdentity(hashes);
  }

  private static String clip(String s) {
    String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
  }

  /** Jackson's reason and where, without its notes on sources. */
  private static String describe(JsonProcessingException e) {
    String reason = String.valueOf(e.getOriginalMessage());
    for (String cut : List.of("\n", " (start marker", " (for ", " at [Source")) {
      int at = reason.indexOf(cut);
      if (at > 0) {
        reason = reason.substring(0, at);
      }
    }
    if (reason.length() > 200) {
      reason = reason.substring(0, 200) + "…";
    }
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      reason +=
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    return reason;
  }
}
