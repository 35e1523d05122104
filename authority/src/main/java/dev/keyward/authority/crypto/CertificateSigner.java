package dev.keyward.authority.crypto;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs certificates with Ed25519 (BouncyCastle: much faster than the JDK's here). The signatures
 * are standard Ed25519, so clients check them with the JDK ({@link
 * dev.keyward.core.cert.CertificateVerifier}).
 */
public final class CertificateSigner {
  /** DER prefix of an Ed25519 X.509 SubjectPublicKeyInfo; the 32 raw key bytes follow. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final String keyId;
  private final Ed25519PrivateKeyParameters privateKey;
  private final TrustedKey publicKey;

  /**
   * @param seed the 32-byte Ed25519 private key
   */
  public CertificateSigner(byte[] seed) {
    if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
      throw new IllegalArgumentException("an Ed25519 private key is 32 bytes");
    }
    this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    byte[] raw = privateKey.generatePublicKey().getEncoded();
    this.keyId = keyId(raw);
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
    this.publicKey = new TrustedKey(keyId, Base64.getEncoder().encodeToString(spki));
  }

  /** {@code k-} and the first 12 hex digits of SHA-256 of the raw public key. */
  static String keyId(byte[] rawPublicKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
      return "k-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String keyId() {
    return keyId;
  }

  public TrustedKey publicKey() {
    return publicKey;
  }

  /** The certificate must name this signer's key id. */
  public SignedCertificate sign(ActivationCertificate certificate) {
    return signText(certificate).certificate();
  }

  /** A signed certificate and its JSON text ({@link SignedCertificate#toJsonText()}). */
  public record Signed(SignedCertificate certificate, String text) {}

  /**
   * Signs and writes the answer's JSON from the one canonical text that was signed: the
   * certificate's JSON is written once per activation, not twice.
   */
  public Signed signText(ActivationCertificate certificate) {
    if (!certificate.signingKeyId().equals(keyId)) {
      throw new IllegalArgumentException("the certificate names another signing key");
    }
    Ed25519Signer signer = new Ed25519Signer(); // not thread-safe: one per signature
    signer.init(true, privateKey);
    String canonical = certificate.canonicalText();
    byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
    signer.update(bytes, 0, bytes.length);
    byte[] signature = signer.generateSignature();
    return new Signed(
        new SignedCertificate(certificate, signature),
        SignedCertificate.toJsonText(canonical, signature));
  }

  /**
   * Signs other canonical bytes with the same key (proxy activation response files); standard
   * Ed25519, checked with {@link #publicKey()}.
   */
  public byte[] signBytes(byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** Checks a signature made by a key with this raw public key (tests, diagnostics). */
  static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(rawPublicKey, 0));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  @Override
  public String toString() {
    return "CertificateSigner[" + keyId + "]";
  }
}
