package dev.keyward.client;

import dev.keyward.core.directory.ActivationObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a volume client keeps of its last directory check (SPEC §12): the object it activated from
 * (verified again at every read: only its signatures can make the machine Licensed), its DN, the
 * key it was obtained with, when the directory last confirmed it, and the last check's result.
 *
 * @param object the last object the directory held for this installation
 * @param dn where it was
 * @param keyFingerprint the store fingerprint of the volume client key it activated
 * @param confirmedAt when a check last found it (the 180 days run from here)
 * @param lastCheckAt when the directory was last checked, found or not
 * @param lastResult the last check's code: {@code 0x0} when found, else why not
 */
record DirectoryActivationRecord(
    Optional<ActivationObject> object,
    Optional<String> dn,
    Optional<String> keyFingerprint,
    Optional<Instant> confirmedAt,
    Optional<Instant> lastCheckAt,
    Optional<String> lastResult) {

  static DirectoryActivationRecord empty() {
    return new DirectoryActivationRecord(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  DirectoryActivationRecord found(ActivationObject o, String at, String fingerprint, Instant now) {
    return new DirectoryActivationRecord(
        Optional.of(o),
        Optional.of(at),
        Optional.of(fingerprint),
        Optional.of(now),
        Optional.of(now),
        Optional.of("0x0"));
  }

  /** A check that found nothing: the object found before is kept until its 180 days end. */
  DirectoryActivationRecord failed(Instant now, String result) {
    return new DirectoryActivationRecord(
        object, dn, keyFingerprint, confirmedAt, Optional.of(now), Optional.of(result));
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("object", object.map(ActivationObject::toJson).orElse(null));
    json.put("dn", dn.orElse(null));
    json.put("keyFingerprint", keyFingerprint.orElse(null));
    json.put("confirmedAt", confirmedAt.map(Instant::toString).orElse(null));
    json.put("lastCheckAt", lastCheckAt.map(Instant::toString).orElse(null));
    json.put("lastResult", lastResult.orElse(null));
    return json;
  }

  static DirectoryActivationRecord fromJson(Map<?, ?> json) {
    return new DirectoryActivationRecord(
        json.get("object") instanceof Map<?, ?> o ? ActivationObject.fromJson(o) : Optional.empty(),
        text(json, "dn"),
        text(json, "keyFingerprint"),
        instant(json, "confirmedAt"),
        instant(json, "lastCheckAt"),
        text(json, "lastResult"));
  }

  private static Optional<String> text(Map<?, ?> json, String field) {
    return json.get(field) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private static Optional<Instant> instant(Map<?, ?> json, String field) {
    try {
      return text(json, field).map(Instant::parse);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
