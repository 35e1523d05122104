package dev.keyward.core.cert;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Ed25519 signing and checking with the JDK, once for every signed thing core knows (volume and VM
 * grants, directory activation objects, evidence manifests, proxy responses). A key or signature
 * that cannot even be read verifies nothing: checking never throws.
 */
public final class Ed25519 {
  private Ed25519() {}

  /** Signs {@code data}; {@code what} names the key in the error when it is not an Ed25519 key. */
  public static byte[] sign(PrivateKey key, byte[] data, String what) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(what + " cannot sign with Ed25519", e);
    }
  }

  /** Whether {@code signature} is {@code key}'s signature of {@code data}. */
  public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A public key from its X.509 encoding, or empty when it is not an Ed25519 key. */
  public static Optional<PublicKey> publicKey(byte[] x509) {
    try {
      return Optional.of(
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A public key as certificates carry it (base64 of the X.509 encoding), or empty. */
  public static Optional<PublicKey> publicKey(String base64) {
    try {
      return publicKey(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
