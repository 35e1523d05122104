package dev.keyward.core.cert;

import dev.keyward.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a host signs to activate one machine (a volume host's grant, SPEC §11; a VM host agent's,
 * SPEC §12): this CMID runs this product, version and edition, by the host {@code hostId}, until
 * {@code expiresAt}. Each kind has its own fields and JSON; the signature covers {@link
 * #canonicalBytes()} of that JSON, and {@link SignedHostGrant} carries both.
 */
public interface HostGrant {
  /** The host's id ({@code HostId} of its certified public key). */
  String hostId();

  String product();

  String version();

  String edition();

  String cmid();

  Instant issuedAt();

  Instant expiresAt();

  /** The grant as a JSON object (field names are the wire and store format). */
  Map<String, Object> toJson();

  /**
   * The fields every kind of grant has, as JSON, for its {@link #toJson()} to add its own to (the
   * canonical form sorts the keys, so the order they are added in is not part of the bytes).
   */
  default Map<String, Object> sharedJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("hostId", hostId());
    json.put("product", product());
    json.put("version", version());
    json.put("edition", edition());
    json.put("cmid", cmid());
    json.put("issuedAt", issuedAt().toString());
    json.put("expiresAt", expiresAt().toString());
    return json;
  }

  /** The bytes that are signed: canonical JSON (sorted keys, no white space), UTF-8. */
  default byte[] canonicalBytes() {
    return Json.write(toJson()).getBytes(StandardCharsets.UTF_8);
  }
}
