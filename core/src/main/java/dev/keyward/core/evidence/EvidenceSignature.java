package dev.keyward.core.evidence;

import dev.keyward.core.cert.Ed25519;
import dev.keyward.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Ed25519 signature of an evidence pack's {@code manifest.json}, with the public half of the
 * key that made it ({@code manifest.sig} in the pack).
 *
 * <p>What it proves: the manifest, and through its SHA-256s every file, is as the holder of that
 * key wrote it; re-hashing an edited file in the manifest breaks the signature. What it cannot: the
 * key is kept in the licensee's own store, so the machine's owner can sign anything; and anyone can
 * sign with a new key, so the key's fingerprint must be compared with the one the store printed at
 * export ({@link #keyFingerprint()}).
 *
 * @param publicKey the signer's Ed25519 public key, X.509 (SubjectPublicKeyInfo) encoded
 * @param signature the 64-byte Ed25519 signature of the manifest's bytes
 */
public record EvidenceSignature(byte[] publicKey, byte[] signature) {
  /** The signature's path inside a pack. */
  public static final String PATH = "manifest.sig";

  private static final String FORMAT = "keyward-evidence-signature-1";

  public EvidenceSignature {
    publicKey = publicKey.clone();
    signature = signature.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Signs {@code manifest} with {@code key} (an Ed25519 key pair). */
  public static EvidenceSignature sign(byte[] manifest, KeyPair key) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key.getPrivate());
      signer.update(manifest);
      return new EvidenceSignature(key.getPublic().getEncoded(), signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK since 15 signs with Ed25519", e);
    }
  }

  /** Whether this is a valid signature of {@code manifest} by the key it names. */
  public boolean verifies(byte[] manifest) {
    // a public key or signature that is not Ed25519 verifies nothing
    return Ed25519.publicKey(publicKey)
        .map(key -> Ed25519.verifies(key, manifest, signature))
        .orElse(false);
  }

  /** The key's fingerprint as people compare it: SHA-256 of the public key, 8 groups of 4. */
  public String keyFingerprint() {
    return fingerprint(publicKey);
  }

  /** The fingerprint of an X.509-encoded public key. */
  public static String fingerprint(byte[] publicKey) {
    try {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
      StringBuilder out = new StringBuilder("SHA256:");
      for (int i = 0; i < 32; i += 4) {
        out.append(i == 0 ? "" : "-").append(hex, i, i + 4);
      }
      return out.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public byte[] toBytes() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("algorithm", "Ed25519");
    json.put("publicKey", Base64.getEncoder().encodeToString(publicKey));
    json.put("keyFingerprint", keyFingerprint());
    json.put("signature", Base64.getEncoder().encodeToString(signature));
    return Json.write(json).getBytes(StandardCharsets.UTF_8);
  }

  /** Reads a {@code manifest.sig}; empty when it is not one. */
  public static Optional<EvidenceSignature> fromBytes(byte[] bytes) {
    Optional<Map<String, Object>> json = Json.readObject(new String(bytes, StandardCharsets.UTF_8));
    if (json.isEmpty()
        || !FORMAT.equals(json.get().get("format"))
        || !"Ed25519".equals(json.get().get("algorithm"))
        || !(json.get().get("publicKey") instanceof String key)
        || !(json.get().get("signature") instanceof String sig)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new EvidenceSignature(Base64.getDecoder().decode(key), Base64.getDecoder().decode(sig)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
