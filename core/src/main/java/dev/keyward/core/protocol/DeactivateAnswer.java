package dev.keyward.core.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer of {@code POST /v1/deactivate}: released, and which activation. */
public record DeactivateAnswer(boolean released, String activationId) {

  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("released", released);
    json.put("activationId", activationId);
    return json;
  }

  public static Parsed<DeactivateAnswer> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () -> new DeactivateAnswer(b.bool("released", false), b.text("activationId")));
  }
}
