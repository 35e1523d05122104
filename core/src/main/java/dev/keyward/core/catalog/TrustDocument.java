package dev.keyward.core.catalog;

import dev.keyward.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trust document: the authority's public keys as {@code trust.json} and {@code GET /v1/trust}
 * carry them, {@code {"keys": [{"id", "ed25519"}], "phoneKeys": [{"index", "p256"}]}}. The
 * authority writes it and the client pins it; one format, written in one place.
 */
public final class TrustDocument {
  private TrustDocument() {}

  /**
   * The document's text; {@code phoneKeys} is left out when empty (older readers know only keys).
   */
  public static String write(List<TrustedKey> keys, List<TrustedPhoneKey> phoneKeys) {
    List<Object> list = new ArrayList<>();
    for (TrustedKey k : keys) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", k.id());
      m.put("ed25519", k.ed25519());
      list.add(m);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("keys", list);
    if (!phoneKeys.isEmpty()) {
      List<Object> phone = new ArrayList<>();
      for (TrustedPhoneKey k : phoneKeys) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", k.index());
        m.put("p256", k.p256());
        phone.add(m);
      }
      json.put("phoneKeys", phone);
    }
    return Json.write(json);
  }
}
