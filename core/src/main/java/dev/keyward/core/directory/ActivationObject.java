package dev.keyward.core.directory;

import dev.keyward.core.cert.Ed25519;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A directory activation object (SPEC §12): a volume host key's group, product, version and family,
 * the authority's certificate of the host key's activation (which certifies the object's own
 * Ed25519 key), a display name and when it was published, signed with the certified key over {@link
 * #canonicalBytes()}. Whoever can read the directory may read it; only the authority's signature on
 * the certificate and the certified key's signature on the rest make it activate.
 *
 * @param name the display name administrators see ({@code keyward directory list}, {@code /dlv})
 * @param keyGroup the host key's group number in the catalog
 * @param family the catalog family of the host key's product ({@code server}, {@code client})
 * @param hostCertificate the authority's VOLUME_KMS_HOST certificate of the object's key
 * @param publishedAt when the object was signed, whole seconds (LDAP's GeneralizedTime keeps them)
 * @param signature Ed25519 over {@link #canonicalBytes()} by the certified key
 */
public record ActivationObject(
    String name,
    String product,
    String version,
    String family,
    int keyGroup,
    SignedCertificate hostCertificate,
    Instant publishedAt,
    byte[] signature) {

  /** Signs the object's content with the certified key's private half (JDK Ed25519). */
  public static ActivationObject sign(
      String name,
      String product,
      String version,
      String family,
      int keyGroup,
      SignedCertificate hostCertificate,
      Instant publishedAt,
      PrivateKey key) {
    ActivationObject unsigned =
        new ActivationObject(
            name,
            product,
            version,
            family,
            keyGroup,
            hostCertificate,
            publishedAt.truncatedTo(ChronoUnit.SECONDS),
            new byte[0]);
    return unsigned.withSignature(Ed25519.sign(key, unsigned.canonicalBytes(), "the object key"));
  }

  public ActivationObject withSignature(byte[] signature) {
    return new ActivationObject(
        name, product, version, family, keyGroup, hostCertificate, publishedAt, signature);
  }

  /** The object's id, its LDAP {@code cn}: the {@code HostId} of its certified key. */
  public Optional<String> id() {
    return hostCertificate.certificate().hostPublicKey().map(dev.keyward.core.volume.HostId::of);
  }

  /** What is signed: canonical JSON of every field but the signature, UTF-8. */
  public byte[] canonicalBytes() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("product", product);
    json.put("version", version);
    json.put("family", family);
    json.put("keyGroup", keyGroup);
    json.put("hostCertificate", hostCertificate.toJson());
    json.put("publishedAt", publishedAt.toString());
    return Json.write(json).getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON form the client store keeps: the signed content and the signature. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("product", product);
    json.put("version", version);
    json.put("family", family);
    json.put("keyGroup", keyGroup);
    json.put("hostCertificate", hostCertificate.toJson());
    json.put("publishedAt", publishedAt.toString());
    json.put("signature", Base64.getEncoder().encodeToString(signature));
    return json;
  }

  /** Reads the JSON form; empty when a field is missing or of the wrong type (nothing verified). */
  public static Optional<ActivationObject> fromJson(Map<?, ?> json) {
    try {
      if (!(json.get("hostCertificate") instanceof Map<?, ?> cert)
          || !(json.get("keyGroup") instanceof Number group)
          || !(group instanceof Integer || group instanceof Long)) {
        return Optional.empty();
      }
      Optional<SignedCertificate> host = SignedCertificate.fromJson(cert);
      if (host.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new ActivationObject(
              text(json, "name"),
              text(json, "product"),
              text(json, "version"),
              text(json, "family"),
              Math.toIntExact(group.longValue()),
              host.get(),
              Instant.parse(text(json, "publishedAt")),
              Base64.getDecoder().decode(text(json, "signature"))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String text(Map<?, ?> json, String field) {
    if (json.get(field) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("missing text field " + field);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivationObject other
        && Arrays.equals(canonicalBytes(), other.canonicalBytes())
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(canonicalBytes()) + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "ActivationObject[" + name + ", " + product + " " + version + "]";
  }
}
