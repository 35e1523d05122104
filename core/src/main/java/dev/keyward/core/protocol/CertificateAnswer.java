package dev.keyward.core.protocol;

import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code POST /v1/activate} and {@code POST /v1/renew}: the signed certificate and
 * whether it was given again without spending a count.
 *
 * @param signature base64 of the Ed25519 signature over the certificate's canonical JSON
 */
public record CertificateAnswer(
    ActivationCertificate certificate, String signature, boolean reissued) {

  public static CertificateAnswer of(SignedCertificate signed, boolean reissued) {
    return new CertificateAnswer(
        signed.certificate(), Base64.getEncoder().encodeToString(signed.signature()), reissued);
  }

  /**
   * The answer's JSON text written from a signed certificate's JSON text ({@link
   * SignedCertificate#toJsonText}, as the authority signs and stores it) without reading it again:
   * the authority answers every activation with it. It reads back as {@code of(signed, reissued)}.
   */
  public static String text(String signedCertificateText, boolean reissued) {
    String signed = signedCertificateText.strip();
    if (!signed.startsWith("{") || !signed.endsWith("}")) {
      throw new IllegalArgumentException("a signed certificate's text is a JSON object");
    }
    return signed.substring(0, signed.length() - 1) + ",\"reissued\":" + reissued + "}";
  }

  public SignedCertificate signed() {
    return new SignedCertificate(certificate, Base64.getDecoder().decode(signature));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("certificate", certificate.toJson());
    json.put("signature", signature);
    json.put("reissued", reissued);
    return json;
  }

  /** Reads an answer; a certificate that is not one as the authority issues it is Bad. */
  public static Parsed<CertificateAnswer> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () -> {
          SignedCertificate signed =
              SignedCertificate.fromJson(json)
                  .orElseThrow(
                      () ->
                          WireFields.refuse(
                              "certificate",
                              "'certificate' and 'signature' must be a certificate as the"
                                  + " authority issued it"));
          return of(signed, b.bool("reissued", false));
        });
  }
}
