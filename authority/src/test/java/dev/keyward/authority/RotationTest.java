package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing keys rotate by id: old certificates keep verifying, new ones name the new key. */
class RotationTest {
  @Test
  void aRotatedKeySignsNewCertificatesAndTheOldStaysTrusted(@TempDir Path data) throws Exception {
    String key;
    SignedCertificate old;
    Machine m = Machine.random();
    try (Harness h = Harness.start(data)) {
      key = h.issue("2022", "ServerStandard", "RETAIL", null);
      old = signed(h.activate(key, "2022", "ServerStandard", m));
    }
    String newId = DataDirectory.rotateSigningKey(data);
    try (Harness h = Harness.start(data)) {
      assertThat(h.server.trustedKeys()).hasSize(2);
      assertThat(h.server.trustedKeys().get(0).id()).isEqualTo(newId);
      CertificateVerifier verifier = new CertificateVerifier(h.server.trustedKeys());
      assertThat(verifier.verify(old)).isInstanceOf(CertificateCheck.Valid.class);
      // The same machine gets its stored certificate again: still the old key's.
      SignedCertificate again = signed(h.activate(key, "2022", "ServerStandard", m));
      assertThat(again).isEqualTo(old);
      String other = h.issue("2022", "ServerStandard", "RETAIL", null);
      SignedCertificate fresh =
          signed(h.activate(other, "2022", "ServerStandard", Machine.random()));
      assertThat(fresh.certificate().signingKeyId()).isEqualTo(newId);
      assertThat(verifier.verify(fresh)).isInstanceOf(CertificateCheck.Valid.class);
      assertThat(h.send("GET", "/v1/trust", null, null, null).json().path("keys")).hasSize(2);
    }
  }

  private static SignedCertificate signed(Harness.Response r) {
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = Harness.JSON.convertValue(r.json(), Map.class);
    return SignedCertificate.fromJson(map).orElseThrow();
  }
}
