package dev.keyward.authority;

import dev.keyward.authority.store.ActivationRow;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.PhoneStore;
import dev.keyward.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the admin answers and the audit log show a key and an activation (docs/api.md). */
final class KeyRecords {
  private KeyRecords() {}

  /** A key's record as the admin API answers it (never the key itself). */
  static Map<String, Object> record(KeyRow key, int activeActivations) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", key.id());
    json.put("partialKey", key.partialKey());
    json.put("product", key.product());
    json.put("version", key.version());
    json.put("edition", key.edition().orElse(null));
    json.put("channel", key.channel());
    json.put("blocked", key.blocked());
    json.put("poolSize", key.poolSize());
    json.put("poolUsed", key.poolUsed());
    json.put("extensionTotal", key.extensionTotal());
    json.put("activeActivations", activeActivations);
    json.put("createdAt", Instant.ofEpochMilli(key.createdAt()).toString());
    return json;
  }

  /** An activation as {@code GET /v1/admin/activations} lists it. */
  static Map<String, Object> activation(ActivationRow row, String partialKey) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", row.id());
    json.put("keyId", row.keyId());
    json.put("partialKey", partialKey);
    json.put("cmid", row.cmid());
    json.put("active", row.active());
    json.put("spent", row.spent());
    json.put("issuedAt", Instant.ofEpochMilli(row.issuedAt()).toString());
    json.put(
        "releasedAt", row.releasedAt().map(t -> Instant.ofEpochMilli(t).toString()).orElse(null));
    json.put("releaseReason", row.releaseReason().orElse(null));
    json.put("certificateId", row.certificateId());
    json.put("method", PhoneStore.isPhone(row) ? "phone" : "online");
    return json;
  }

  /** A key as an audit entry's subject: its record id and partial key. */
  static String subject(KeyRow key) {
    return key.id() + " (" + key.partialKey() + ")";
  }

  /** An audit entry's detail that holds only the operator's reason. */
  static String reasonDetail(String reason) {
    return Json.write(Map.of("reason", reason));
  }
}
