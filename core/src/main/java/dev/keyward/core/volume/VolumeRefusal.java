package dev.keyward.core.volume;

import dev.keyward.core.error.ErrorCatalogue;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A volume host's answer that does not activate (SPEC §11): the catalogue code (0xC004F038 below
 * the threshold, 0xC004F041 unactivated host, 0xC004F042 version or family not served, 0xC004F06C
 * clock skew, KW_E_BAD_REQUEST malformed), the count when the host knows one, when to retry, and
 * the host's id when it has one. On the wire it is problem+json with the catalogue fields.
 *
 * @param message the instance detail (the catalogue meaning when blank)
 * @param count the host's current count for the client's family, when known
 * @param retryIntervalMinutes how long the client should wait before asking again
 * @param hostId the host's id; empty for a host without a certified key
 */
public record VolumeRefusal(
    ErrorCode code,
    String message,
    OptionalInt count,
    long retryIntervalMinutes,
    Optional<String> hostId) {

  public VolumeRefusal {
    message = message == null ? "" : message;
    count = count == null ? OptionalInt.empty() : count;
    hostId = hostId == null ? Optional.empty() : hostId;
  }

  public Failure failure() {
    return Failure.of(code, message);
  }

  /** 503 for an unactivated host, 400 for a malformed request, 409 for every other refusal. */
  public int httpStatus() {
    return switch (code) {
      case VOLUME_HOST_NOT_ACTIVATED -> 503;
      case BAD_REQUEST -> 400;
      default -> 409;
    };
  }

  /** The problem+json body (RFC 9457 fields, the catalogue fields, then the volume fields). */
  public Map<String, Object> toJson() {
    Failure failure = failure();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "https://keyward.dev/errors/" + code.hex());
    json.put("title", code.symbolicName());
    json.put("status", httpStatus());
    json.put("detail", failure.message());
    json.put("code", code.hex());
    json.put("name", code.symbolicName());
    json.put("message", failure.message());
    json.put("remedy", failure.remedy());
    json.put("count", count.isPresent() ? (Object) count.getAsInt() : null);
    json.put("retryIntervalMinutes", retryIntervalMinutes);
    json.put("hostId", hostId.orElse(null));
    return json;
  }

  public String toJsonText() {
    return Json.write(toJson());
  }

  /** Reads a refusal; empty when the code is not in the catalogue or a field is malformed. */
  public static Optional<VolumeRefusal> fromJson(Map<?, ?> json) {
    try {
      Optional<ErrorCode> code = ErrorCatalogue.lookup(JsonFields.text(json, "code"));
      if (code.isEmpty()) {
        return Optional.empty();
      }
      OptionalInt count =
          json.get("count") == null
              ? OptionalInt.empty()
              : OptionalInt.of((int) JsonFields.whole(json, "count", 0, Integer.MAX_VALUE));
      long retry =
          json.get("retryIntervalMinutes") == null
              ? 0
              : JsonFields.whole(json, "retryIntervalMinutes", 0, VolumeGrant.MAX_MINUTES);
      String message = json.get("message") instanceof String m ? m : "";
      return Optional.of(
          new VolumeRefusal(
              code.get(), message, count, retry, JsonFields.optionalText(json, "hostId")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static Optional<VolumeRefusal> fromJsonText(String text) {
    return Json.readObject(text).flatMap(VolumeRefusal::fromJson);
  }
}
