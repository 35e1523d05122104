package dev.keyward.core.volume;

import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a volume client asks a volume host (SPEC §11): activate (or renew) this installation. The
 * body of {@code POST /v1/volume/activate}.
 *
 * @param keyGroup the group of the volume client key the client has installed
 * @param cmid the client machine id (a UUID): what the host counts
 * @param clientTime the client's clock when it sent the request (the host refuses more than 4 h
 *     apart: 0xC004F06C)
 * @param previousHostId the id of the host that activated it before, when there was one
 */
public record VolumeRequest(
    String product,
    String version,
    String edition,
    int keyGroup,
    String cmid,
    Instant clientTime,
    Optional<String> previousHostId) {

  public VolumeRequest {
    previousHostId = previousHostId == null ? Optional.empty() : previousHostId;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("product", product);
    json.put("version", version);
    json.put("edition", edition);
    json.put("keyGroup", keyGroup);
    json.put("cmid", cmid);
    json.put("clientTime", clientTime.toString());
    json.put("previousHostId", previousHostId.orElse(null));
    return json;
  }

  public String toJsonText() {
    return Json.write(toJson());
  }

  /**
   * Reads a request; a missing or malformed field (or a CMID that is not a UUID) is a Malformed.
   */
  public static Parsed fromJson(Map<?, ?> json) {
    try {
      String cmid = JsonFields.text(json, "cmid");
      if (Cmid.parse(cmid).isEmpty()) {
        throw new IllegalArgumentException("'cmid' must be a client machine id (a UUID)");
      }
      return new Parsed.Ok(
          new VolumeRequest(
              JsonFields.text(json, "product"),
              JsonFields.text(json, "version"),
              JsonFields.text(json, "edition"),
              (int) JsonFields.whole(json, "keyGroup", 0, Integer.MAX_VALUE),
              Cmid.parse(cmid).get().format(),
              JsonFields.instant(json, "clientTime"),
              JsonFields.optionalText(json, "previousHostId")));
    } catch (IllegalArgumentException e) {
      return new Parsed.Malformed(e.getMessage());
    }
  }

  public static Parsed fromJsonText(String text) {
    return Json.readObject(text)
        .map(VolumeRequest::fromJson)
        .orElse(new Parsed.Malformed("the body must be one JSON object"));
  }

  /** A request read from the wire, or why it could not be. */
  public sealed interface Parsed {
    record Ok(VolumeRequest request) implements Parsed {}

    record Malformed(String reason) implements Parsed {}
  }
}
