package dev.keyward.core.volume;

import dev.keyward.core.cert.Ed25519;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.json.Json;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A grant with the host's Ed25519 signature over its canonical bytes, and the authority's
 * certificate of the host's activation, which certifies the key that signed (SPEC §11). The JSON
 * form, {@code {"grant": {...}, "signature": "<base64>", "hostCertificate": {"certificate": {...},
 * "signature": "..."}}}, is the host's 200 answer and what the client store keeps.
 */
public record SignedVolumeGrant(
    VolumeGrant grant, byte[] signature, SignedCertificate hostCertificate) {

  /** Signs {@code grant} with the host's private key (JDK Ed25519). */
  public static SignedVolumeGrant sign(
      VolumeGrant grant, PrivateKey hostKey, SignedCertificate hostCertificate) {
    return new SignedVolumeGrant(
        grant, Ed25519.sign(hostKey, grant.canonicalBytes(), "the host key"), hostCertificate);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("grant", grant.toJson());
    json.put("signature", Base64.getEncoder().encodeToString(signature));
    json.put("hostCertificate", hostCertificate.toJson());
    return json;
  }

  public String toJsonText() {
    return Json.write(toJson());
  }

  /** Reads the JSON form; empty when any part is missing or malformed (nothing is verified). */
  public static Optional<SignedVolumeGrant> fromJson(Map<?, ?> json) {
    if (!(json.get("grant") instanceof Map<?, ?> grant)
        || !(json.get("signature") instanceof String signature)
        || !(json.get("hostCertificate") instanceof Map<?, ?> cert)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(signature);
      Optional<SignedCertificate> host = SignedCertificate.fromJson(cert);
      return VolumeGrant.fromJson(grant)
          .flatMap(g -> host.map(h -> new SignedVolumeGrant(g, bytes, h)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static Optional<SignedVolumeGrant> fromJsonText(String text) {
    return Json.readObject(text).flatMap(SignedVolumeGrant::fromJson);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedVolumeGrant other
        && grant.equals(other.grant)
        && Arrays.equals(signature, other.signature)
        && hostCertificate.equals(other.hostCertificate);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * grant.hashCode() + Arrays.hashCode(signature)) + hostCertificate.hashCode();
  }

  @Override
  public String toString() {
    return "SignedVolumeGrant[" + grant + "]";
  }
}
