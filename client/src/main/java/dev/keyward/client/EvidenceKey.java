package dev.keyward.client;

import dev.keyward.core.error.FileProblems;
import dev.keyward.core.evidence.EvidenceSignature;
import dev.keyward.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The store's evidence key: an Ed25519 key pair that signs every exported pack's manifest, made on
 * first use and kept owner-only in {@code <store>/<product>/evidence/signing-key.json}. The owner
 * of the machine can read it, so a signature shows that a pack is as this store exported it, not
 * that the owner did not write it (see {@link EvidenceSignature}).
 */
final class EvidenceKey {
  static final String FILE = "signing-key.json";

  private EvidenceKey() {}

  /** The key in {@code dir}, made now when there is none. */
  static KeyPair loadOrCreate(Path dir) {
    Path file = dir.resolve(FILE);
    Optional<KeyPair> existing = load(file);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (Files.exists(file)) {
      throw KeywardException.of(
          dev.keyward.core.error.ErrorCode.EVIDENCE_TAMPERED,
          "The evidence key "
              + file
              + " is not a Keyward evidence key; it was edited or damaged. Packs signed with it can"
              + " no longer be signed again: move it away to make a new key (its fingerprint"
              + " changes).");
    }
    KeyPair key;
    try {
      key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK since 15 has Ed25519", e);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", "keyward-evidence-key-1");
    json.put("algorithm", "Ed25519");
    json.put("publicKey", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
    json.put("privateKey", Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()));
    try {
      AtomicFiles.createDirectories(dir);
      AtomicFiles.writeText(file, Json.write(json) + "\n");
    } catch (IOException e) {
      throw new KeywardException(FileProblems.writing("The evidence key", file, e));
    }
    return key;
  }

  /** The fingerprint of the key in {@code dir}, if the store has one. */
  static Optional<String> fingerprint(Path dir) {
    return load(dir.resolve(FILE))
        .map(k -> EvidenceSignature.fingerprint(k.getPublic().getEncoded()));
  }

  private static Optional<KeyPair> load(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Optional<Map<String, Object>> json =
          Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
      if (json.isEmpty()
          || !(json.get().get("publicKey") instanceof String pub)
          || !(json.get().get("privateKey") instanceof String priv)) {
        return Optional.empty();
      }
      KeyFactory ed = KeyFactory.getInstance("Ed25519");
      return Optional.of(
          new KeyPair(
              ed.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pub))),
              ed.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv)))));
    } catch (IOException e) {
      throw new KeywardException(FileProblems.reading("The evidence key", file, e));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
