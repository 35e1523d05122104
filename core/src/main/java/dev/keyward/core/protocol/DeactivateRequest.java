package dev.keyward.core.protocol;

import dev.keyward.core.hardware.HardwareIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /v1/deactivate}: release this machine's activation of the key.
 *
 * @param product and {@code cmid}: sent by the client, read and not needed by the authority (the
 *     key and the machine name the activation)
 */
public record DeactivateRequest(
    String key, Optional<String> product, HardwareIdentity components, Optional<String> cmid) {

  public DeactivateRequest {
    product = product == null ? Optional.empty() : product;
    cmid = cmid == null ? Optional.empty() : cmid;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", key);
    product.ifPresent(p -> json.put("product", p));
    json.put("components", WireFields.components(components));
    cmid.ifPresent(c -> json.put("cmid", c));
    return json;
  }

  public static Parsed<DeactivateRequest> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () -> {
          String key = b.text("key");
          Optional<String> product = b.optionalText("product");
          HardwareIdentity components = b.components("components");
          return new DeactivateRequest(key, product, components, b.optionalText("cmid"));
        });
  }
}
