package dev.keyward.core.vmhost;

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
 * A VM grant with the host agent's Ed25519 signature over its canonical bytes, and the authority's
 * certificate of the host's own Datacenter activation, which certifies the agent's key (SPEC §12,
 * the pattern of the volume host's {@code SignedVolumeGrant}). The JSON form {@code {"grant":
 * {...}, "signature": "<base64>", "hostCertificate": {...}}} is the agent's answer and what the
 * guest's store keeps.
 */
public record SignedVmGrant(VmGrant grant, byte[] signature, SignedCertificate hostCertificate) {

  /** Signs {@code grant} with the agent's private key (JDK Ed25519). */
  public static SignedVmGrant sign(
      VmGrant grant, PrivateKey agentKey, SignedCertificate hostCertificate) {
    return new SignedVmGrant(
        grant, Ed25519.sign(agentKey, grant.canonicalBytes(), "the agent key"), hostCertificate);
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
  public static Optional<SignedVmGrant> fromJson(Map<?, ?> json) {
    if (!(json.get("grant") instanceof Map<?, ?> grant)
        || !(json.get("signature") instanceof String signature)
        || !(json.get("hostCertificate") instanceof Map<?, ?> cert)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(signature);
      Optional<SignedCertificate> host = SignedCertificate.fromJson(cert);
      return VmGrant.fromJson(grant).flatMap(g -> host.map(h -> new SignedVmGrant(g, bytes, h)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static Optional<SignedVmGrant> fromJsonText(String text) {
    return Json.readObject(text).flatMap(SignedVmGrant::fromJson);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedVmGrant other
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
    return "SignedVmGrant[" + grant + "]";
  }
}
