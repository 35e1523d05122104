package dev.keyward.volumehost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyward.core.volume.VolumeRequest;
import java.util.Map;

/**
 * Reads a request body into the map {@link VolumeRequest#fromJson} checks: strict JSON (one object,
 * no duplicate keys, no trailing tokens, at most 32 levels deep). Jackson here rather than core's
 * reader, which parses through YAML and costs hundreds of microseconds a request.
 */
final class RequestReader {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 * 1024).build());
  }

  private RequestReader() {}

  static VolumeRequest.Parsed read(String body) {
    Map<?, ?> json;
    try {
      Object value = MAPPER.readValue(body, Object.class);
      if (!(value instanceof Map<?, ?> map)) {
        return new VolumeRequest.Parsed.Malformed("the body must be one JSON object");
      }
      json = map;
    } catch (JsonProcessingException | RuntimeException e) {
      return new VolumeRequest.Parsed.Malformed("the body must be one JSON object");
    }
    return VolumeRequest.fromJson(json);
  }
}
