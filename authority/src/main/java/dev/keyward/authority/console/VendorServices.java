package dev.keyward.authority.console;

import dev.keyward.core.catalog.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the vendor console asks of the authority: the same services the admin API calls, with the
 * same rules, refusals ({@link dev.keyward.authority.http.ApiException}) and audit entries. The
 * console adds pages, never rules.
 */
public interface VendorServices {

  /** A batch to issue, as the keys page's form gives it. */
  record Issue(
      Optional<String> product,
      String version,
      Optional<String> edition,
      String channel,
      int count,
      Optional<Integer> pool) {}

  /** A confirmation ID given for an installation ID. */
  record Confirmation(String cid, boolean reissued, String activationId, String partialKey) {}

  Catalog catalog();

  /** Issued keys, each with its {@code key} as typed (shown once). */
  List<Map<String, Object>> issue(Issue issue, String actor);

  /** The key record of docs/api.md ({@code GET /v1/admin/keys/{key}}). */
  Map<String, Object> show(String key);

  Map<String, Object> setBlocked(String key, boolean blocked, String reason, String actor);

  Map<String, Object> extend(String key, int by, String reason, String actor);

  /** Releases every active activation of the key, or only the one named; how many were released. */
  int release(String key, Optional<String> activation, String reason, String actor);

  Map<String, Object> downgrade(String key, String version, String reason, String actor);

  List<Map<String, Object>> activations(String key);

  /** {@code GET /v1/admin/audit/verify}'s answer. */
  Map<String, Object> verifyAudit();

  /** The activation center for a support agent: audited with the actor and the reason. */
  Confirmation phone(
      String iid,
      Optional<String> product,
      Optional<String> oemMarker,
      String reason,
      String actor);

  /** A proxy activation request file in, the signed response file out (its text). */
  String proxy(String requestFile, String reason, String actor);
}
