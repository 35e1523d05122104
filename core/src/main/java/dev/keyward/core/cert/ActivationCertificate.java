package dev.keyward.core.cert;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the activation authority vouches for (SPEC §8): this key, for this product, version, edition
 * and channel, is activated on the machine with these component hashes, from {@code issuedAt} until
 * {@code expiresAt} (or for good). Signed over {@link #canonicalBytes()}.
 *
 * @param certificateId unique id of this certificate
 * @param keyId the authority's id of the key record (never the key itself)
 * @param partialKey the last five symbols of the key
 * @param cmid the client machine id of the installation
 * @param expiresAt empty for a permanent activation
 * @param signingKeyId which authority key signed it (keys rotate by id)
 * @param hostPublicKey for a volume host key's activation (channel VOLUME_KMS_HOST) whose request
 *     carried one: the host's Ed25519 public key (base64 of its X.509 encoding), which the host
 *     signs its volume grants with (SPEC §11); absent otherwise, and then not part of the signed
 *     bytes, so certificates issued before it existed verify unchanged
 */
public record ActivationCertificate(
    String certificateId,
    String keyId,
    String partialKey,
    String product,
    String version,
    String edition,
    Channel channel,
    HardwareIdentity machine,
    String cmid,
    Instant issuedAt,
    Optional<Instant> expiresAt,
    String signingKeyId,
    Optional<String> hostPublicKey) {

  public ActivationCertificate {
    hostPublicKey = hostPublicKey == null ? Optional.empty() : hostPublicKey;
  }

  /** A certificate without a certified host key (every channel but VOLUME_KMS_HOST). */
  public ActivationCertificate(
      String certificateId,
      String keyId,
      String partialKey,
      String product,
      String version,
      String edition,
      Channel channel,
      HardwareIdentity machine,
      String cmid,
      Instant issuedAt,
      Optional<Instant> expiresAt,
      String signingKeyId) {
    this(
        certificateId,
        keyId,
        partialKey,
        product,
        version,
        edition,
        channel,
        machine,
        cmid,
        issuedAt,
        expiresAt,
        signingKeyId,
        Optional.empty());
  }

  /** This certificate with {@code key} (base64 X.509 Ed25519) as its certified host key. */
  public ActivationCertificate withHostPublicKey(String key) {
    return new ActivationCertificate(
        certificateId,
        keyId,
        partialKey,
        product,
        version,
        edition,
        channel,
        machine,
        cmid,
        issuedAt,
        expiresAt,
        signingKeyId,
        Optional.of(key));
  }

  /** The certificate as a JSON object (field names are the wire and store format). */
  public Map<String, Object> toJson() {
    Map<String, Object> components = new LinkedHashMap<>();
    for (Component c : Component.values()) {
      components.put(c.fileName(), machine.hex(c));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("certificateId", certificateId);
    json.put("keyId", keyId);
    json.put("partialKey", partialKey);
    json.put("product", product);
    json.put("version", version);
    json.put("edition", edition);
    json.put("channel", channel.name());
    json.put("components", components);
    json.put("cmid", cmid);
    json.put("issuedAt", issuedAt.toString());
    json.put("expiresAt", expiresAt.map(Instant::toString).orElse(null));
    json.put("signingKeyId", signingKeyId);
    hostPublicKey.ifPresent(k -> json.put("hostPublicKey", k));
    return json;
  }

  /** The bytes that are signed: canonical JSON (sorted keys, no white space), UTF-8. */
  public byte[] canonicalBytes() {
    return canonicalText().getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical JSON text whose UTF-8 bytes are signed. */
  public String canonicalText() {
    return dev.keyward.core.json.Json.write(toJson());
  }

  /** Reads a certificate object; empty when any field is missing or malformed. */
  public static Optional<ActivationCertificate> fromJson(Map<?, ?> json) {
    try {
      Map<Component, ComponentHash> hashes = new java.util.EnumMap<>(Component.class);
      if (!(json.get("components") instanceof Map<?, ?> components)) {
        return Optional.empty();
      }
      for (Component c : Component.values()) {
        Optional<ComponentHash> hash = ComponentHash.parse(text(components, c.fileName()));
        if (hash.isEmpty()) {
          return Optional.empty();
        }
        hashes.put(c, hash.get());
      }
      if (components.size() != Component.values().length) {
        return Optional.empty();
      }
      Object expires = json.get("expiresAt");
      Object hostKey = json.get("hostPublicKey");
      if (hostKey != null && !(hostKey instanceof String)) {
        return Optional.empty();
      }
      Optional<Channel> channel = Channel.byName(text(json, "channel"));
      if (channel.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new ActivationCertificate(
              text(json, "certificateId"),
              text(json, "keyId"),
              text(json, "partialKey"),
              text(json, "product"),
              text(json, "version"),
              text(json, "edition"),
              channel.get(),
              new HardwareIdentity(hashes),
              text(json, "cmid"),
              Instant.parse(text(json, "issuedAt")),
              expires == null ? Optional.empty() : Optional.of(Instant.parse((String) expires)),
              text(json, "signingKeyId"),
              Optional.ofNullable((String) hostKey)));
    } catch (RuntimeException e) {
      // Any malformed field (wrong type, bad instant) makes the certificate unreadable.
      return Optional.empty();
    }
  }

  private static String text(Map<?, ?> json, String field) {
    if (json.get(field) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("missing text field " + field);
  }
}
