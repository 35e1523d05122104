package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A volume host key's activation certifies the host's public key (SPEC §11): the certificate of a
 * VOLUME_KMS_HOST activation carries the {@code hostPublicKey} the request sent, re-activation with
 * another key gives a certificate of the new one, and the key is ignored on every other channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeHostActivationTest {
  Harness h;

  @BeforeAll
  void start(@TempDir Path data) {
    h = Harness.start(data, b -> b.allowSimulatedMachines(false));
  }

  @AfterAll
  void stop() {
    h.close();
  }

  private String issue(String channel, String edition) {
    Map<String, Object> body =
        edition == null
            ? Map.of("version", "2022", "channel", channel)
            : Map.of("version", "2022", "channel", channel, "edition", edition);
    return h.admin("POST", "/v1/admin/keys", body).json().path("keys").get(0).path("key").asText();
  }

  private static String hostKey() throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
  }

  private SignedCertificate activate(String key, Machine machine, String hostKey) {
    Map<String, Object> body = Harness.activation(key, "2022", "ServerStandard", machine);
    body.put("hostPublicKey", hostKey);
    Harness.Response r = h.post("/v1/activate", body);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = Harness.JSON.convertValue(r.json(), Map.class);
    SignedCertificate signed = SignedCertificate.fromJson(map).orElseThrow();
    assertThat(new CertificateVerifier(h.server.trustedKeys()).verify(signed))
        .isInstanceOf(CertificateCheck.Valid.class);
    return signed;
  }

  @Test
  void aHostKeyActivationCertifiesTheHostPublicKey() throws Exception {
    String key = issue("VOLUME_KMS_HOST", null);
    Machine host = Machine.random();
    String first = hostKey();
    assertThat(activate(key, host, first).certificate().hostPublicKey()).contains(first);
    // the same host again with the same key: its certificate again
    assertThat(activate(key, host, first).certificate().hostPublicKey()).contains(first);
    // the host lost its key file and made a new pair: a certificate of the new key
    String second = hostKey();
    assertThat(activate(key, host, second).certificate().hostPublicKey()).contains(second);
    assertThat(h.show(key).path("activeActivations").asInt()).isEqualTo(1);
  }

  @Test
  void otherChannelsIgnoreAHostKey() throws Exception {
    String key = issue("RETAIL", "ServerStandard");
    assertThat(activate(key, Machine.random(), hostKey()).certificate().hostPublicKey())
        .isEqualTo(Optional.empty());
  }

  @Test
  void aHostKeyThatIsNotAnEd25519KeyIsABadRequest() {
    String key = issue("VOLUME_KMS_HOST", null);
    Map<String, Object> body = Harness.activation(key, "2022", "ServerStandard", Machine.random());
    body.put("hostPublicKey", "bm90IGEga2V5");
    Harness.Response r = h.post("/v1/activate", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("remedy").asText()).isNotBlank();
  }
}
