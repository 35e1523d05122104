package dev.keyward.core.cert;

import dev.keyward.core.json.Json;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link HostGrant} with the host's Ed25519 signature over its canonical bytes, and the
 * authority's certificate of the host's activation, which certifies the key that signed. The JSON
 * form, {@code {"grant": {...}, "signature": "<base64>", "hostCertificate": {"certificate": {...},
 * "signature": "..."}}}, is the host's answer and what the machine's store keeps; every kind of
 * grant shares it, so it is written and read here once.
 *
 * @param <G> the kind of grant
 */
public interface SignedHostGrant<G extends HostGrant> {
  G grant();

  byte[] signature();

  SignedCertificate hostCertificate();

  /** Makes the signed grant of one kind from its three parts. */
  @FunctionalInterface
  interface Parts<G extends HostGrant, S extends SignedHostGrant<G>> {
    S of(G grant, byte[] signature, SignedCertificate hostCertificate);
  }

  default Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("grant", grant().toJson());
    json.put("signature", Base64.getEncoder().encodeToString(signature()));
    json.put("hostCertificate", hostCertificate().toJson());
    return json;
  }

  default String toJsonText() {
    return Json.write(toJson());
  }

  /** Whether the signature over the grant's canonical bytes verifies with {@code key}. */
  default boolean signedBy(PublicKey key) {
    return Ed25519.verifies(key, grant().canonicalBytes(), signature());
  }

  /** Signs {@code grant} with the host's private key (JDK Ed25519); {@code what} names the key. */
  static <G extends HostGrant, S extends SignedHostGrant<G>> S sign(
      G grant, PrivateKey key, String what, SignedCertificate hostCertificate, Parts<G, S> parts) {
    return parts.of(grant, Ed25519.sign(key, grant.canonicalBytes(), what), hostCertificate);
  }

  /** Reads the JSON form; empty when any part is missing or malformed (nothing is verified). */
  static <G extends HostGrant, S extends SignedHostGrant<G>> Optional<S> fromJson(
      Map<?, ?> json, Function<Map<?, ?>, Optional<G>> readGrant, Parts<G, S> parts) {
    if (!(json.get("grant") instanceof Map<?, ?> grant)
        || !(json.get("signature") instanceof String signature)
        || !(json.get("hostCertificate") instanceof Map<?, ?> cert)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(signature);
      Optional<SignedCertificate> host = SignedCertificate.fromJson(cert);
      return readGrant.apply(grant).flatMap(g -> host.map(h -> parts.of(g, bytes, h)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Equality of the parts, the signature by its bytes (what a record's equals cannot do). */
  static boolean sameParts(SignedHostGrant<?> a, SignedHostGrant<?> b) {
    return a.grant().equals(b.grant())
        && Arrays.equals(a.signature(), b.signature())
        && a.hostCertificate().equals(b.hostCertificate());
  }

  /** A hash consistent with {@link #sameParts}. */
  static int hash(SignedHostGrant<?> s) {
    return 31 * (31 * s.grant().hashCode() + Arrays.hashCode(s.signature()))
        + s.hostCertificate().hashCode();
  }
}
