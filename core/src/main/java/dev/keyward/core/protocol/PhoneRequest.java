package dev.keyward.core.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /v1/phone}, the public activation center: the confirmation ID of this
 * installation ID, under the channel rules of online activation.
 *
 * @param iid the installation ID as read out: 9 groups of 7 digits, separated by hyphens, spaces or
 *     nothing (read as digits by the service)
 * @param product checked against the installation ID's
 */
public record PhoneRequest(
    String iid, Optional<String> product, Optional<String> oemMarker, boolean simulated) {

  public PhoneRequest {
    product = product == null ? Optional.empty() : product;
    oemMarker = oemMarker == null ? Optional.empty() : oemMarker;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("iid", iid);
    product.ifPresent(p -> json.put("product", p));
    oemMarker.ifPresent(m -> json.put("oemMarker", m));
    if (simulated) {
      json.put("simulated", true);
    }
    return json;
  }

  public static Parsed<PhoneRequest> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () ->
            new PhoneRequest(
                b.text("iid"),
                b.optionalText("product"),
                b.optionalText("oemMarker"),
                b.bool("simulated", false)));
  }
}
