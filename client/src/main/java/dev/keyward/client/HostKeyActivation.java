package dev.keyward.client;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateStanding;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.protocol.ActivateRequest;
import dev.keyward.core.protocol.CertificateAnswer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Activates a volume host key at the authority for one directory activation object (SPEC §12), the
 * way a volume host activates its key ({@code slmgr /ato} with {@code hostPublicKey}): the object
 * gets a fresh Ed25519 key pair, which the authority certifies. Each object is a host of its own to
 * the authority (its component hashes are derived from its public key), so each publication spends
 * one of the host key's activations and the authority's usual limit (0xC004C008) applies.
 */
final class HostKeyActivation {
  private final ClientContext client;

  HostKeyActivation(ClientContext client) {
    this.client = client;
  }

  /** The activated host key: its catalog group, the certificate, the object's key pair. */
  record Activated(KeyGroup group, Product product, SignedCertificate certificate, KeyPair keys) {}

  /** The host key's group; refuses anything but a volume host key before anything is sent. */
  KeyGroup group(String hostKey) {
    KeyDecoding.Decoded decoded =
        switch (ProductKeyCodec.decode(
            hostKey == null ? "" : hostKey, client.catalog()::knowsGroup)) {
          case KeyDecoding.Decoded d -> d;
          case KeyDecoding.Rejected r -> throw new KeywardException(r.failure());
        };
    KeyGroup group = client.catalog().keyGroup(decoded.payload().group()).orElseThrow();
    if (group.channel() != Channel.VOLUME_KMS_HOST) {
      throw new KeywardException(
          Failure.of(
              ErrorCode.INVALID_PRODUCT_KEY,
              "The key is a "
                  + group.channel()
                  + " key ("
                  + group.describe()
                  + "); an activation object is published with a volume host key."));
    }
    return group;
  }

  Activated activate(String hostKey) {
    KeyGroup group = group(hostKey);
    if (client.trust().keys().isEmpty()) {
      // checked before the request: an answer that cannot be verified would spend an activation
      throw KeywardException.of(
          ErrorCode.AUTHORITY_NOT_TRUSTED,
          "No vendor key is trusted here, so the authority's certificate could not be checked."
              + " Give the vendor's trust file with --trust FILE; nothing was sent.");
    }
    Product product = client.product(group.product());
    KeyPair keys = keyPair();
    String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    ActivateRequest body =
        new ActivateRequest(
            hostKey.strip(),
            product.id(),
            group.version(),
            group.edition().orElseGet(() -> anyEdition(product)),
            components(publicKey),
            Cmid.random(client.random()).format(),
            Optional.empty(),
            false,
            client.clock().instant(),
            Optional.of(publicKey));
    AuthorityConnection connection = client.connection();
    SignedCertificate signed =
        CertificateAnswer.parse(connection.post("/v1/activate", body.toMap(), Optional.empty()))
            .orElseThrow(
                bad ->
                    KeywardException.of(
                        ErrorCode.BAD_REQUEST,
                        "The authority at "
                            + connection.base()
                            + " answered without a readable activation certificate."))
            .signed();
    check(signed, publicKey);
    return new Activated(group, product, signed, keys);
  }

  /** The certificate must verify with a trusted key and certify the object's key. */
  private void check(SignedCertificate signed, String publicKey) {
    Optional<Failure> untrusted = CertificateStanding.untrusted(signed, client.trust().keys());
    if (untrusted.isPresent()) {
      throw new KeywardException(untrusted.get());
    }
    if (new CertificateVerifier(client.trust().keys()).verify(signed)
        instanceof CertificateCheck.Invalid invalid) {
      throw new KeywardException(invalid.failure());
    }
    ActivationCertificate c = signed.certificate();
    if (c.channel() != Channel.VOLUME_KMS_HOST
        || !c.hostPublicKey().equals(Optional.of(publicKey))) {
      throw KeywardException.of(
          ErrorCode.STORE_TAMPERED,
          "The authority's certificate does not certify the activation object's key.");
    }
  }

  private static String anyEdition(Product product) {
    return product.editions().stream()
        .filter(e -> !e.isEvaluation())
        .map(Edition::id)
        .findFirst()
        .orElseThrow();
  }

  /** Component hashes of the object as a host: derived from its public key, one per component. */
  private static HardwareIdentity components(String publicKey) {
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      hashes.put(
          c, new ComponentHash(hash("keyward-directory-object:" + c.fileName() + ":" + publicKey)));
    }
    return new HardwareIdentity(hashes);
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every JDK", e);
    }
  }
}
