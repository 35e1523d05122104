package dev.keyward.core.volume;

import dev.keyward.core.cert.HostGrant;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A volume host's answer that activates one client (SPEC §11): this CMID runs this product, version
 * and edition until {@code expiresAt}, and should renew and retry at these intervals (the host's
 * intervals override the client's). Signed by the host over {@link #canonicalBytes()}.
 *
 * @param hostId the host's id ({@link HostId} of its certified public key)
 * @param count the host's current count for the client's family
 * @param expiresAt issuedAt plus the activation validity
 */
public record VolumeGrant(
    String hostId,
    String product,
    String version,
    String edition,
    String cmid,
    int count,
    Instant issuedAt,
    Instant expiresAt,
    long activationValidityMinutes,
    long renewalIntervalMinutes,
    long retryIntervalMinutes)
    implements HostGrant {

  /** Longest interval a host may announce: ten years, in minutes. */
  static final long MAX_MINUTES = 10L * 366 * 24 * 60;

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = sharedJson();
    json.put("count", count);
    json.put("activationValidityMinutes", activationValidityMinutes);
    json.put("renewalIntervalMinutes", renewalIntervalMinutes);
    json.put("retryIntervalMinutes", retryIntervalMinutes);
    return json;
  }

  /** Reads a grant object; empty when a field is missing or malformed. */
  public static Optional<VolumeGrant> fromJson(Map<?, ?> json) {
    try {
      return Optional.of(
          new VolumeGrant(
              JsonFields.text(json, "hostId"),
              JsonFields.text(json, "product"),
              JsonFields.text(json, "version"),
              JsonFields.text(json, "edition"),
              JsonFields.text(json, "cmid"),
              (int) JsonFields.whole(json, "count", 0, Integer.MAX_VALUE),
              JsonFields.instant(json, "issuedAt"),
              JsonFields.instant(json, "expiresAt"),
              JsonFields.whole(json, "activationValidityMinutes", 1, MAX_MINUTES),
              JsonFields.whole(json, "renewalIntervalMinutes", 1, MAX_MINUTES),
              JsonFields.whole(json, "retryIntervalMinutes", 1, MAX_MINUTES)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
