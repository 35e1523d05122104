package dev.keyward.core.protocol;

import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.hardware.HardwareIdentity;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /v1/renew}: a certificate this authority issued, as it issued it, and the
 * machine it is renewed for.
 *
 * @param signature base64 of the certificate's Ed25519 signature
 */
public record RenewRequest(
    ActivationCertificate certificate, String signature, HardwareIdentity components) {

  public static RenewRequest of(SignedCertificate signed, HardwareIdentity components) {
    return new RenewRequest(
        signed.certificate(), Base64.getEncoder().encodeToString(signed.signature()), components);
  }

  public SignedCertificate signed() {
    return new SignedCertificate(certificate, Base64.getDecoder().decode(signature));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("certificate", certificate.toJson());
    json.put("signature", signature);
    json.put("components", WireFields.components(components));
    return json;
  }

  public static Parsed<RenewRequest> parse(Map<?, ?> json) {
    WireFields b = WireFields.of(json);
    return Parsed.read(
        () -> {
          b.object("certificate");
          b.text("signature");
          HardwareIdentity machine = b.components("components");
          SignedCertificate presented =
              SignedCertificate.fromJson(json)
                  .orElseThrow(
                      () ->
                          WireFields.refuse(
                              "certificate",
                              "'certificate' and 'signature' must be a certificate as the"
                                  + " authority issued it"));
          return of(presented, machine);
        });
  }
}
