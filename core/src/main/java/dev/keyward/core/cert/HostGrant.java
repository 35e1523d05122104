package dev.keyward.core.cert;

import dev.keyward.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

  /** The bytes that are signed: canonical JSON (sorted keys, no white space), UTF-8. */
  default byte[] canonicalBytes() {
    return Json.write(toJson()).getBytes(StandardCharsets.UTF_8);
  }
}
