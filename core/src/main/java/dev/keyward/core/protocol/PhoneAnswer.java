package dev.keyward.core.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code POST /v1/phone}.
 *
 * @param cid the confirmation ID: 20 groups of 7 digits joined by hyphens
 * @param keyIndex which of the authority's phone keys signed it
 * @param reissued whether it is the same machine's again, without spending a count
 */
public record PhoneAnswer(String cid, int keyIndex, boolean reissued) {

  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cid", cid);
    json.put("keyIndex", keyIndex);
    json.put("reissued", reissued);
    return json;
  }

  public static Parsed<PhoneAnswer> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () ->
            new PhoneAnswer(
                b.text("cid"),
                b.whole("keyIndex", 0, Integer.MAX_VALUE),
                b.bool("reissued", false)));
  }
}
