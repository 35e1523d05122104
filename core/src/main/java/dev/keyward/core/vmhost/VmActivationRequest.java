package dev.keyward.core.vmhost;

import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.json.Json;
import dev.keyward.core.volume.JsonFields;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a guest asks its host agent over the host-only channel (SPEC §12): activate (or renew) this
 * installation by host-based VM activation. One JSON object per connection.
 *
 * @param keyGroup the group of the host-based VM activation key the guest has installed
 * @param guestName the guest's name as the host's report shows it (its machine name)
 * @param cmid the guest's client machine id (a UUID)
 * @param guestTime the guest's clock when it sent the request
 */
public record VmActivationRequest(
    String product,
    String version,
    String edition,
    int keyGroup,
    String guestName,
    String cmid,
    Instant guestTime) {

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "vm-activate");
    json.put("product", product);
    json.put("version", version);
    json.put("edition", edition);
    json.put("keyGroup", keyGroup);
    json.put("guestName", guestName);
    json.put("cmid", cmid);
    json.put("guestTime", guestTime.toString());
    return json;
  }

  public String toJsonText() {
    return Json.write(toJson());
  }

  /** Reads a request; a missing or malformed field (or a CMID that is not a UUID) is Malformed. */
  public static Parsed fromJson(Map<?, ?> json) {
    try {
      if (!"vm-activate".equals(json.get("type"))) {
        throw new IllegalArgumentException("'type' must be \"vm-activate\"");
      }
      String cmid = JsonFields.text(json, "cmid");
      if (Cmid.parse(cmid).isEmpty()) {
        throw new IllegalArgumentException("'cmid' must be a client machine id (a UUID)");
      }
      return new Parsed.Ok(
          new VmActivationRequest(
              JsonFields.text(json, "product"),
              JsonFields.text(json, "version"),
              JsonFields.text(json, "edition"),
              (int) JsonFields.whole(json, "keyGroup", 0, Integer.MAX_VALUE),
              JsonFields.text(json, "guestName"),
              Cmid.parse(cmid).get().format(),
              JsonFields.instant(json, "guestTime")));
    } catch (IllegalArgumentException e) {
      return new Parsed.Malformed(e.getMessage());
    }
  }

  public static Parsed fromJsonText(String text) {
    return Json.readObject(text)
        .map(VmActivationRequest::fromJson)
        .orElse(new Parsed.Malformed("the message must be one JSON object"));
  }

  /** A request read from the channel, or why it could not be. */
  public sealed interface Parsed {
    record Ok(VmActivationRequest request) implements Parsed {}

    record Malformed(String reason) implements Parsed {}
  }
}
