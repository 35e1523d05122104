package dev.keyward.core.vmhost;

import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.cert.SignedHostGrant;
import dev.keyward.core.json.Json;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;

/**
 * A VM grant with the host agent's Ed25519 signature over its canonical bytes, and the authority's
 * certificate of the host's own Datacenter activation, which certifies the agent's key (SPEC §12).
 * The JSON form ({@link SignedHostGrant}, the same as a volume grant's) is the agent's answer and
 * what the guest's store keeps.
 */
public record SignedVmGrant(VmGrant grant, byte[] signature, SignedCertificate hostCertificate)
    implements SignedHostGrant<VmGrant> {

  /** Signs {@code grant} with the agent's private key (JDK Ed25519). */
  public static SignedVmGrant sign(
      VmGrant grant, PrivateKey agentKey, SignedCertificate hostCertificate) {
    return SignedHostGrant.sign(
        grant, agentKey, "the agent key", hostCertificate, SignedVmGrant::new);
  }

  /** Reads the JSON form; empty when any part is missing or malformed (nothing is verified). */
  public static Optional<SignedVmGrant> fromJson(Map<?, ?> json) {
    return SignedHostGrant.fromJson(json, VmGrant::fromJson, SignedVmGrant::new);
  }

  public static Optional<SignedVmGrant> fromJsonText(String text) {
    return Json.readObject(text).flatMap(SignedVmGrant::fromJson);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedVmGrant other && SignedHostGrant.sameParts(this, other);
  }

  @Override
  public int hashCode() {
    return SignedHostGrant.hash(this);
  }

  @Override
  public String toString() {
    return "SignedVmGrant[" + grant + "]";
  }
}
