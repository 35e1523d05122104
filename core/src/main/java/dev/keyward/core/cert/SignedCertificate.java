package dev.keyward.core.cert;

import dev.keyward.core.json.Json;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A certificate with the authority's Ed25519 signature over its canonical bytes. The JSON form,
 * {@code {"certificate": {...}, "signature": "<base64>"}}, is what the authority answers and what
 * the client store keeps.
 */
public record SignedCertificate(ActivationCertificate certificate, byte[] signature) {

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("certificate", certificate.toJson());
    json.put("signature", Base64.getEncoder().encodeToString(signature));
    return json;
  }

  public String toJsonText() {
    return Json.write(toJson());
  }

  /**
   * {@link #toJsonText()} from the certificate's canonical text as it was signed ({@link
   * ActivationCertificate#canonicalBytes()}), without writing the certificate again: the canonical
   * form sorts {@code certificate} before {@code signature}, and base64 needs no escaping.
   */
  public static String toJsonText(String canonicalCertificate, byte[] signature) {
    return "{\"certificate\":"
        + canonicalCertificate
        + ",\"signature\":\""
        + Base64.getEncoder().encodeToString(signature)
        + "\"}";
  }

  public static Optional<SignedCertificate> fromJson(Map<?, ?> json) {
    if (!(json.get("certificate") instanceof Map<?, ?> cert)
        || !(json.get("signature") instanceof String signature)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(signature);
      return ActivationCertificate.fromJson(cert).map(c -> new SignedCertificate(c, bytes));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static Optional<SignedCertificate> fromJsonText(String text) {
    return Json.readObject(text).flatMap(SignedCertificate::fromJson);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedCertificate other
        && certificate.equals(other.certificate)
        && java.util.Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return 31 * certificate.hashCode() + java.util.Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "SignedCertificate[" + certificate.certificateId() + "]";
  }
}
