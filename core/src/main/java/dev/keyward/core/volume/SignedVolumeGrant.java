package dev.keyward.core.volume;

import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.cert.SignedHostGrant;
import dev.keyward.core.json.Json;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;

/**
 * A grant with the host's Ed25519 signature over its canonical bytes, and the authority's
 * certificate of the host's activation, which certifies the key that signed (SPEC §11). The JSON
 * form ({@link SignedHostGrant}), {@code {"grant": {...}, "signature": "<base64>",
 * "hostCertificate": {"certificate": {...}, "signature": "..."}}}, is the host's 200 answer and
 * what the client store keeps.
 */
public record SignedVolumeGrant(
    VolumeGrant grant, byte[] signature, SignedCertificate hostCertificate)
    implements SignedHostGrant<VolumeGrant> {

  /** Signs {@code grant} with the host's private key (JDK Ed25519). */
  public static SignedVolumeGrant sign(
      VolumeGrant grant, PrivateKey hostKey, SignedCertificate hostCertificate) {
    return SignedHostGrant.sign(
        grant, hostKey, "the host key", hostCertificate, SignedVolumeGrant::new);
  }

  /** Reads the JSON form; empty when any part is missing or malformed (nothing is verified). */
  public static Optional<SignedVolumeGrant> fromJson(Map<?, ?> json) {
    return SignedHostGrant.fromJson(json, VolumeGrant::fromJson, SignedVolumeGrant::new);
  }

  public static Optional<SignedVolumeGrant> fromJsonText(String text) {
    return Json.readObject(text).flatMap(SignedVolumeGrant::fromJson);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedVolumeGrant other && SignedHostGrant.sameParts(this, other);
  }

  @Override
  public int hashCode() {
    return SignedHostGrant.hash(this);
  }

  @Override
  public String toString() {
    return "SignedVolumeGrant[" + grant + "]";
  }
}
