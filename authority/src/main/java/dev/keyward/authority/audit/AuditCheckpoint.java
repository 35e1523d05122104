package dev.keyward.authority.audit;

import dev.keyward.authority.crypto.CertificateSigner;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A signed statement "the audit chain's entry {@code seq} has hash {@code hash}", made at {@code
 * at} with the authority's Ed25519 signing key {@code keyId}. Kept outside the database (the
 * checkpoint file, the server log, an operator's copy), it pins the chain: whoever later removes
 * entries up to {@code seq}, or rewrites any entry up to it and re-chains the rest, cannot make the
 * chain agree with it again without the signing key.
 *
 * <p>The signature covers {@code "keyward/audit-checkpoint/v1\n"} followed by the canonical JSON of
 * {@code {"at", "hash", "keyId", "seq"}} (keys sorted, no spaces; {@code at} as ISO-8601 UTC).
 */
public record AuditCheckpoint(long seq, String hash, Instant at, String keyId, String signature) {
  private static final String DOMAIN = "keyward/audit-checkpoint/v1\n";
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** Signs the head {@code (seq, hash)} at {@code at}. */
  public static AuditCheckpoint sign(long seq, String hash, Instant at, CertificateSigner signer) {
    byte[] bytes = signedBytes(seq, hash, at, signer.keyId());
    String signature = Base64.getEncoder().encodeToString(signer.signBytes(bytes));
    return new AuditCheckpoint(seq, hash, at, signer.keyId(), signature);
  }

  /** Whether a key of {@code trusted} with this checkpoint's key id made its signature. */
  public boolean signatureValid(List<TrustedKey> trusted) {
    Optional<TrustedKey> key = trusted.stream().filter(k -> k.id().equals(keyId)).findFirst();
    if (key.isEmpty()) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(CertificateVerifier.publicKey(key.get()));
      verifier.update(signedBytes(seq, hash, at, keyId));
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false; // a signature that is not even well-formed is no signature
    }
  }

  private static byte[] signedBytes(long seq, String hash, Instant at, String keyId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("seq", seq);
    fields.put("hash", hash);
    fields.put("at", at.toString());
    fields.put("keyId", keyId);
    return (DOMAIN + Json.write(fields)).getBytes(StandardCharsets.UTF_8);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seq", seq);
    json.put("hash", hash);
    json.put("at", at.toString());
    json.put("keyId", keyId);
    json.put("signature", signature);
    return json;
  }

  /** One line of the checkpoint file: the JSON object, no line break. */
  public String line() {
    return Json.write(toJson());
  }

  /** Reads {@link #toJson()}'s form; empty when a field is missing or of the wrong form. */
  public static Optional<AuditCheckpoint> fromJson(Map<?, ?> json) {
    if (!(json.get("seq") instanceof Number seq)
        || !(json.get("hash") instanceof String hash)
        || !(json.get("at") instanceof String at)
        || !(json.get("keyId") instanceof String keyId)
        || !(json.get("signature") instanceof String signature)) {
      return Optional.empty();
    }
    if (seq.longValue() < 0 || !HASH.matcher(hash).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new AuditCheckpoint(seq.longValue(), hash, Instant.parse(at), keyId, signature));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Reads {@link #line()}'s form. */
  public static Optional<AuditCheckpoint> parse(String line) {
    return Json.readObject(line).flatMap(AuditCheckpoint::fromJson);
  }
}
