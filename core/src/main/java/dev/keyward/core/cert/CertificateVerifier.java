package dev.keyward.core.cert;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checks certificates with the JDK's Ed25519 (the client stays free of crypto libraries; the
 * authority signs with a faster one, and both produce standard Ed25519 signatures).
 */
public final class CertificateVerifier {
  private final List<TrustedKey> trusted;

  public CertificateVerifier(List<TrustedKey> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  public CertificateCheck verify(SignedCertificate signed) {
    String keyId = signed.certificate().signingKeyId();
    Optional<TrustedKey> key = trusted.stream().filter(k -> k.id().equals(keyId)).findFirst();
    if (key.isEmpty()) {
      return invalid("The certificate was signed by key '" + keyId + "', which is not trusted.");
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey(key.get()));
      verifier.update(signed.certificate().canonicalBytes());
      if (verifier.verify(signed.signature())) {
        return new CertificateCheck.Valid(signed.certificate());
      }
      return invalid("The certificate's signature does not match its content.");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return invalid("The certificate's signature cannot be checked: " + e.getMessage());
    }
  }

  /** Reads a trusted key's X.509 (SubjectPublicKeyInfo) base64 form. */
  public static PublicKey publicKey(TrustedKey key) throws GeneralSecurityException {
    byte[] der = Base64.getDecoder().decode(key.ed25519());
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }

  private static CertificateCheck invalid(String detail) {
    return new CertificateCheck.Invalid(Failure.of(ErrorCode.STORE_TAMPERED, detail));
  }
}
