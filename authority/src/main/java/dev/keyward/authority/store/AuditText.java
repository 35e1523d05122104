package dev.keyward.authority.store;

import dev.keyward.core.json.Json;
import dev.keyward.core.key.SecretMasking;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Free text on its way into the database, with pasted product keys and tokens masked ({@link
 * SecretMasking}): the audit log is append-only and kept forever, so a key pasted into a reason
 * would stay readable there for good. Only free-text fields are masked (the actor, and a detail's
 * {@link #FREE_TEXT} fields); structured values (ids, installation IDs, hashes) are left as they
 * are, so that masking can never change what they say.
 */
final class AuditText {
  /** The fields of an audit detail that people type. */
  static final Set<String> FREE_TEXT = Set.of("reason", "label", "note", "notes", "comment");

  private AuditText() {}

  static String free(String text) {
    return SecretMasking.mask(text);
  }

  /** A detail (a JSON object) with its free-text fields masked; other text masked whole. */
  static String detail(String detail) {
    if (detail == null || !SecretMasking.containsSecret(detail)) {
      return detail;
    }
    Optional<Map<String, Object>> json = Json.readObject(detail);
    if (json.isEmpty()) {
      return SecretMasking.mask(detail);
    }
    Map<String, Object> masked = new LinkedHashMap<>(json.get());
    masked.replaceAll(
        (field, value) ->
            FREE_TEXT.contains(field) && value instanceof String s ? SecretMasking.mask(s) : value);
    return Json.write(masked);
  }
}
