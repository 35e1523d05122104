package dev.keyward.core.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /v1/admin/phone}: a support agent confirms an installation ID read out on
 * the phone, and says why (audited).
 *
 * @param reason why support confirms it, without surrounding white space
 */
public record AdminPhoneRequest(
    String iid,
    String reason,
    Optional<String> product,
    Optional<String> oemMarker,
    boolean simulated) {

  public AdminPhoneRequest {
    product = product == null ? Optional.empty() : product;
    oemMarker = oemMarker == null ? Optional.empty() : oemMarker;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("iid", iid);
    json.put("reason", reason);
    product.ifPresent(p -> json.put("product", p));
    oemMarker.ifPresent(m -> json.put("oemMarker", m));
    if (simulated) {
      json.put("simulated", true);
    }
    return json;
  }

  public static Parsed<AdminPhoneRequest> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () ->
            new AdminPhoneRequest(
                b.text("iid"),
                b.text("reason").strip(),
                b.optionalText("product"),
                b.optionalText("oemMarker"),
                b.bool("simulated", false)));
  }
}
