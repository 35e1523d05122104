package dev.keyward.core.vmhost;

import dev.keyward.core.cert.HostGrant;
import dev.keyward.core.volume.JsonFields;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A host agent's answer that activates one guest (SPEC §12): this CMID runs this product, version
 * and edition on the host {@code hostId} until {@code expiresAt} (7 days after {@code issuedAt}).
 * Signed by the host agent over {@link #canonicalBytes()}.
 *
 * @param hostId the host's id ({@code HostId} of its certified agent key)
 * @param hostVersion the host's own version, which must be ≥ the guest's
 * @param hostEdition the host's own edition (a Datacenter one)
 */
public record VmGrant(
    String hostId,
    String hostVersion,
    String hostEdition,
    String product,
    String version,
    String edition,
    String guestName,
    String cmid,
    Instant issuedAt,
    Instant expiresAt)
    implements HostGrant {

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = sharedJson();
    json.put("hostVersion", hostVersion);
    json.put("hostEdition", hostEdition);
    json.put("guestName", guestName);
    return json;
  }

  /** Reads a grant object; empty when a field is missing or malformed. */
  public static Optional<VmGrant> fromJson(Map<?, ?> json) {
    try {
      return Optional.of(
          new VmGrant(
              JsonFields.text(json, "hostId"),
              JsonFields.text(json, "hostVersion"),
              JsonFields.text(json, "hostEdition"),
              JsonFields.text(json, "product"),
              JsonFields.text(json, "version"),
              JsonFields.text(json, "edition"),
              JsonFields.text(json, "guestName"),
              JsonFields.text(json, "cmid"),
              JsonFields.instant(json, "issuedAt"),
              JsonFields.instant(json, "expiresAt")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
