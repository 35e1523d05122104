package dev.keyward.authority.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.core.protocol.Parsed;
import dev.keyward.core.protocol.WireFields;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON request body, read strictly (no duplicate fields, no trailing data, bounded depth); the
 * client routes' bodies are read by their wire records ({@link #read}), the admin routes' field by
 * field; every mistake is a 400 naming the field.
 */
public final class Body {
  static final int MAX_TEXT = 2000;

  public static final ObjectMapper MAPPER =
      // Jackson's buffers recycled through a shared pool: its default pool is per thread, and
      // each request runs on a virtual thread of its own (RequestThreads).
      JsonMapper.builder(
              JsonFactory.builder()
                  .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                  .build())
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

  /**
   * Reads a client route's body straight into its wire record: the JSON is read once into the map
   * the record reads (not into a tree and then converted), with the same strictness and the same
   * 400s as {@link #parse}.
   */
  public static <T> T read(byte[] bytes, Function<Map<?, ?>, Parsed<T>> reader) {
    Map<?, ?> map = (Map<?, ?>) readObject(bytes, Object.class, Map.class);
    return reader.apply(map).orElseThrow(failure -> new ApiException(400, failure));
  }

  public static Body parse(byte[] bytes) {
    return new Body((ObjectNode) readObject(bytes, JsonNode.class, ObjectNode.class), "");
  }

  /**
   * The body read as JSON into {@code as}, which must turn out a {@code object} (a JSON object):
   * every body's one set of 400s (empty, not JSON, not an object).
   */
  private static Object readObject(byte[] bytes, Class<?> as, Class<?> object) {
    if (bytes.length == 0) {
      throw ApiException.badRequest("the request needs a JSON object body");
    }
    Object value;
    try {
      value = MAPPER.readValue(bytes, as);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + describe(e));
    } catch (IOException e) {
      throw ApiException.badRequest("the body cannot be read as JSON");
    }
    if (!object.isInstance(value)) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
    return value;
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

  /** The plain UTC instant fast path, now the wire records' ({@link WireFields#plainUtc}). */
  static Instant plainUtc(String s) {
    return WireFields.plainUtc(s);
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
