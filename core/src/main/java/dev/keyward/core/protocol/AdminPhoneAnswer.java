package dev.keyward.core.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code POST /v1/admin/phone}: the public answer, and which activation of which key
 * the support agent confirmed.
 */
public record AdminPhoneAnswer(
    String cid, int keyIndex, boolean reissued, String activationId, String partialKey) {

  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cid", cid);
    json.put("keyIndex", keyIndex);
    json.put("reissued", reissued);
    json.put("activationId", activationId);
    json.put("partialKey", partialKey);
    return json;
  }

  public static Parsed<AdminPhoneAnswer> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () ->
            new AdminPhoneAnswer(
                b.text("cid"),
                b.whole("keyIndex", 0, Integer.MAX_VALUE),
                b.bool("reissued", false),
                b.text("activationId"),
                b.text("partialKey")));
  }
}
