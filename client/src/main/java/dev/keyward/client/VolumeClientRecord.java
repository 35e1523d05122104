package dev.keyward.client;

import dev.keyward.core.volume.SignedVolumeGrant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a volume client remembers between commands (SPEC §11), beside its settings: the host's last
 * signed grant (the only thing that can make it Licensed, and only while its chain verifies), the
 * key it was obtained with, the host that answered, the last count and result, and the intervals
 * the host announced. Kept in {@code volume-client.json} in the product's directory, sealed like
 * the state; everything but the grant is advisory (where to ask, when to ask again).
 *
 * @param grant the last grant, as the host signed it
 * @param keyFingerprint the store fingerprint of the key the grant was obtained with
 * @param cachedHost the last host that answered (host caching), {@code HOST:PORT}
 * @param dnsHost the host DNS named last, {@code HOST:PORT}
 * @param lastCount the count in the host's last answer
 * @param lastResult the last answer's code: {@code 0x0} for a grant, else the refusal's
 * @param lastAttemptAt when the client last asked a host
 * @param lastGrantAt when the last grant was received
 * @param hostRenewalMinutes the renewal interval the host announced
 * @param hostRetryMinutes the retry interval the host announced
 */
record VolumeClientRecord(
    Optional<SignedVolumeGrant> grant,
    Optional<String> keyFingerprint,
    Optional<String> cachedHost,
    Optional<String> dnsHost,
    Optional<Integer> lastCount,
    Optional<String> lastResult,
    Optional<Instant> lastAttemptAt,
    Optional<Instant> lastGrantAt,
    Optional<Long> hostRenewalMinutes,
    Optional<Long> hostRetryMinutes) {

  static VolumeClientRecord empty() {
    Optional<Long> none = Optional.empty();
    return new VolumeClientRecord(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        none,
        none);
  }

  /** After a refusal or an unreachable host: the grant is kept. */
  VolumeClientRecord failed(
      Instant at,
      String result,
      Optional<Integer> count,
      Optional<Long> retry,
      Optional<String> dns) {
    return new VolumeClientRecord(
        grant,
        keyFingerprint,
        cachedHost,
        dns.or(() -> dnsHost),
        count.or(() -> lastCount),
        Optional.of(result),
        Optional.of(at),
        lastGrantAt,
        hostRenewalMinutes,
        retry.or(() -> hostRetryMinutes));
  }

  /** After a verified grant from {@code host}. */
  VolumeClientRecord granted(
      SignedVolumeGrant g,
      String fingerprint,
      Instant at,
      Optional<String> cached,
      Optional<String> dns) {
    return new VolumeClientRecord(
        Optional.of(g),
        Optional.of(fingerprint),
        cached,
        dns.or(() -> dnsHost),
        Optional.of(g.grant().count()),
        Optional.of("0x0"),
        Optional.of(at),
        Optional.of(at),
        Optional.of(g.grant().renewalIntervalMinutes()),
        Optional.of(g.grant().retryIntervalMinutes()));
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("grant", grant.map(SignedVolumeGrant::toJson).orElse(null));
    json.put("keyFingerprint", keyFingerprint.orElse(null));
    json.put("cachedHost", cachedHost.orElse(null));
    json.put("dnsHost", dnsHost.orElse(null));
    json.put("lastCount", lastCount.orElse(null));
    json.put("lastResult", lastResult.orElse(null));
    json.put("lastAttemptAt", lastAttemptAt.map(Instant::toString).orElse(null));
    json.put("lastGrantAt", lastGrantAt.map(Instant::toString).orElse(null));
    json.put("hostRenewalMinutes", hostRenewalMinutes.orElse(null));
    json.put("hostRetryMinutes", hostRetryMinutes.orElse(null));
    return json;
  }

  /** Reads the record; anything unreadable is left out (it is advisory, the grant is verified). */
  static VolumeClientRecord fromJson(Map<?, ?> json) {
    return new VolumeClientRecord(
        json.get("grant") instanceof Map<?, ?> g ? SignedVolumeGrant.fromJson(g) : Optional.empty(),
        text(json, "keyFingerprint"),
        text(json, "cachedHost"),
        text(json, "dnsHost"),
        number(json, "lastCount").map(Long::intValue),
        text(json, "lastResult"),
        instant(json, "lastAttemptAt"),
        instant(json, "lastGrantAt"),
        number(json, "hostRenewalMinutes"),
        number(json, "hostRetryMinutes"));
  }

  private static Optional<String> text(Map<?, ?> json, String field) {
    return json.get(field) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private static Optional<Long> number(Map<?, ?> json, String field) {
    return json.get(field) instanceof Number n && (n instanceof Integer || n instanceof Long)
        ? Optional.of(n.longValue())
        : Optional.empty();
  }

  private static Optional<Instant> instant(Map<?, ?> json, String field) {
    try {
      return text(json, field).map(Instant::parse);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
