package dev.keyward.client;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import dev.keyward.core.vmhost.VmHostEdition;
import dev.keyward.core.volume.HostId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key pair a volume activation host signs its grants with (SPEC §11). Made when the machine
 * first activates a volume host key ({@code slmgr /ato}), kept in the product's directory of the
 * store as {@code volume-host-key} (owner-only), and kept across re-activations; its public half
 * goes in the activate request and comes back certified in the host's activation certificate.
 *
 * @param publicKey base64 of the X.509 encoding, as certificates carry it
 */
public record VolumeHostIdentity(String publicKey, PrivateKey privateKey) {
  public static final String FILE = "volume-host-key";

  /** The host's id as clients see it ({@link HostId}). */
  public String hostId() {
    return HostId.of(publicKey);
  }

  /**
   * The activation hook: for a volume host key, adds {@code hostPublicKey} to the activate request
   * body (making the key pair on first use); other channels send nothing.
   */
  static void addTo(Map<String, Object> body, LocalStore store, String product, Channel channel) {
    hostPublicKey(store, product, channel).ifPresent(k -> body.put("hostPublicKey", k));
  }

  private static Optional<String> hostPublicKey(LocalStore store, String product, Channel channel) {
    return channel == Channel.VOLUME_KMS_HOST
        ? Optional.of(loadOrCreate(store, product).publicKey())
        : Optional.empty();
  }

  /**
   * The activation hook of a key, the activate request's {@code hostPublicKey}: a volume host
   * key's, or a Datacenter key's, whose certified key the host agent signs VM grants with (SPEC
   * §12; the same key pair and file).
   */
  static Optional<String> hostPublicKey(LocalStore store, Product product, StoredKey key) {
    boolean vmHost =
        key.edition().flatMap(product::edition).map(VmHostEdition::hosts).orElse(false);
    if (vmHost) {
      return Optional.of(loadOrCreate(store, product.id()).publicKey());
    }
    return hostPublicKey(store, product.id(), key.channel());
  }

  /** The product's host key pair; made and stored when there is none. */
  public static VolumeHostIdentity loadOrCreate(LocalStore store, String product) {
    Optional<VolumeHostIdentity> existing = load(store, product);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("algorithm", "Ed25519");
      json.put("publicKey", base64(pair.getPublic().getEncoded()));
      json.put("privateKey", base64(pair.getPrivate().getEncoded()));
      AtomicFiles.writeText(file(store, product), Json.write(json) + "\n");
      return new VolumeHostIdentity(base64(pair.getPublic().getEncoded()), pair.getPrivate());
    } catch (GeneralSecurityException | IOException e) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "The volume host key pair cannot be made in "
              + file(store, product)
              + ": "
              + e.getMessage());
    }
  }

  /** The product's host key pair, when the store holds a readable one. */
  public static Optional<VolumeHostIdentity> load(LocalStore store, String product) {
    Path file = file(store, product);
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
      KeyFactory keys = KeyFactory.getInstance("Ed25519");
      PublicKey publicKey =
          keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pub)));
      PrivateKey privateKey =
          keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv)));
      return Optional.of(new VolumeHostIdentity(base64(publicKey.getEncoded()), privateKey));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static Path file(LocalStore store, String product) {
    LocalStore.checkProductId(product);
    return store.root().resolve(product).resolve(FILE);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
