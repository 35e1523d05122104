package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed scenarios of the issue, over HTTP against a real authority on SQLite; {@link
 * PostgresScenarioTest} runs them on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioTest {
  Harness h;

  /** The authority under test, refusing simulated machines. */
  Harness open(Path dir) {
    return Harness.start(dir, b -> b.allowSimulatedMachines(false));
  }

  @BeforeAll
  void start(@TempDir Path data) {
    h = open(data);
  }

  @AfterAll
  void stop() {
    h.close();
  }

  private static void assertRefused(Harness.Response r, String code) {
    assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.json().path("remedy").asText()).isNotBlank();
  }

  private void assertCertificate(Harness.Response r, boolean reissued) {
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.json().path("reissued").asBoolean()).isEqualTo(reissued);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = Harness.JSON.convertValue(r.json(), Map.class);
    SignedCertificate signed = SignedCertificate.fromJson(map).orElseThrow();
    assertThat(new CertificateVerifier(h.server.trustedKeys()).verify(signed))
        .isInstanceOf(CertificateCheck.Valid.class);
  }

  @Test
  void retailTransfer() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    Machine a = Machine.random();
    Machine b = Machine.random();
    assertCertificate(h.activate(key, "2022", "ServerStandard", a), false);
    assertRefused(h.activate(key, "2022", "ServerStandard", b), "0xC004C008");
    Harness.Response released = h.deactivate(key, a);
    assertThat(released.status()).as(released.raw().body()).isEqualTo(200);
    assertThat(released.json().path("released").asBoolean()).isTrue();
    assertCertificate(h.activate(key, "2022", "ServerStandard", b), false);
    assertRefused(h.deactivate(key, a), "0xC004F014");
  }

  @Test
  void oneSymbolTypoSuggestsTheRealKey() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    char wrong = key.charAt(3) == 'B' ? 'C' : 'B';
    String typo = key.substring(0, 3) + wrong + key.substring(4);
    Harness.Response r = h.activate(typo, "2022", "ServerStandard", Machine.random());
    assertRefused(r, "0xC004F050");
    assertThat(r.json().path("suggestions").toString()).contains(key);
  }

  @Test
  void datacenterKeyOnStandardNamesTheConversion() {
    String key = h.issue("2022", "ServerDatacenter", "RETAIL", null);
    Harness.Response r = h.activate(key, "2022", "ServerStandard", Machine.random());
    assertRefused(r, "0xC004F050");
    assertThat(r.json().path("message").asText()).contains("Set-Edition:ServerDatacenter");
  }

  @Test
  void key2022On2019() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    assertRefused(h.activate(key, "2019", "ServerStandard", Machine.random()), "0xC004E016");
  }

  @Test
  void makPoolOfThree() {
    String key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 3);
    for (int i = 0; i < 3; i++) {
      assertCertificate(h.activate(key, "2022", "ServerStandard", Machine.random()), false);
    }
    assertRefused(h.activate(key, "2022", "ServerStandard", Machine.random()), "0xC004C020");
    JsonNode record = h.show(key);
    assertThat(record.path("poolUsed").asInt()).isEqualTo(3);
    assertThat(record.path("activeActivations").asInt()).isEqualTo(3);
  }

  @Test
  void aMachineReleasingAMakKeepsTheCountSpentSupportGivesItBack() {
    String key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 1);
    Machine a = Machine.random();
    assertCertificate(h.activate(key, "2022", "ServerStandard", a), false);
    assertThat(h.deactivate(key, a).status()).isEqualTo(200);
    // An uninstall does not free a place, or a pool of one would serve any number of machines.
    assertThat(h.show(key).path("poolUsed").asInt()).isEqualTo(1);
    assertRefused(h.activate(key, "2022", "ServerStandard", Machine.random()), "0xC004C020");

    // The machine that released comes back into its own place, for free.
    assertCertificate(h.activate(key, "2022", "ServerStandard", a), false);
    assertThat(h.show(key).path("poolUsed").asInt()).isEqualTo(1);
    Harness.Response reset =
        h.admin(
            "POST", "/v1/admin/keys/" + key + "/release", Map.of("reason", "V2V move, seed 001"));
    assertThat(reset.status()).as(reset.raw().body()).isEqualTo(200);
    assertThat(h.show(key).path("poolUsed").asInt()).isZero();
    assertCertificate(h.activate(key, "2022", "ServerStandard", Machine.random()), false);
  }

  @Test
  void blockedKey() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    Harness.Response blocked =
        h.admin("POST", "/v1/admin/keys/" + key + "/block", Map.of("reason", "leaked"));
    assertThat(blocked.json().path("blocked").asBoolean()).isTrue();
    assertRefused(h.activate(key, "2022", "ServerStandard", Machine.random()), "0xC004C003");
    h.admin("POST", "/v1/admin/keys/" + key + "/unblock", Map.of("reason", "found"));
    assertCertificate(h.activate(key, "2022", "ServerStandard", Machine.random()), false);
  }

  @Test
  void oemKeyWithoutMarker() {
    String key = h.issue("2022", "ServerStandard", "OEM", null);
    assertRefused(h.activate(key, "2022", "ServerStandard", Machine.random()), "0xC004F035");
    Map<String, Object> body = Harness.activation(key, "2022", "ServerStandard", Machine.random());
    body.put("oemMarker", "KEYWARD-OEM-WINSERVER");
    assertCertificate(h.post("/v1/activate", body), false);
  }

  @Test
  void reactivationWithinToleranceSpendsNothingAndOutsideSpendsOne() {
    String key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 5);
    Machine m = Machine.random();
    Harness.Response first = h.activate(key, "2022", "ServerStandard", m);
    assertCertificate(first, false);
    Harness.Response again = h.activate(key, "2022", "ServerStandard", m.changed(3));
    assertCertificate(again, true);
    assertThat(again.json().path("certificate")).isEqualTo(first.json().path("certificate"));
    assertThat(h.show(key).path("poolUsed").asInt()).isEqualTo(1);
    assertCertificate(h.activate(key, "2022", "ServerStandard", m.changed(4)), false);
    assertThat(h.show(key).path("poolUsed").asInt()).isEqualTo(2);
  }

  @Test
  void simulatedMachinesAreRefusedUnlessAllowed() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    Map<String, Object> body = Harness.activation(key, "2022", "ServerStandard", Machine.random());
    body.put("simulated", true);
    assertRefused(h.post("/v1/activate", body), "0xC0DE0002");
  }

  @Test
  void forgedKeysAreRefusedLikeUnknownOnes() {
    // A well-formed key of a known group whose tag was made with another secret.
    String forged =
        dev.keyward.core.key.ProductKeyCodec.encode(2011, 1, (g, s) -> 12345L).display();
    Harness.Response r = h.activate(forged, "2022", "ServerStandard", Machine.random());
    assertRefused(r, "0xC004F050");
    assertThat(r.json().path("message").asText()).isEqualTo(TypedKey.NOT_ISSUED);
  }

  @Test
  void publicVolumeClientKeysAreSentToAVolumeHost() {
    String gvlk =
        h.server
            .catalog()
            .product("winserver")
            .orElseThrow()
            .volumeClientKey("2022", "ServerStandard")
            .orElseThrow()
            .key();
    Harness.Response r = h.activate(gvlk, "2022", "ServerStandard", Machine.random());
    assertRefused(r, "0x80070032");
    assertThat(r.json().path("message").asText()).contains("volume activation host");
  }

  @Test
  void anOemKeyReleasedStaysBoundToItsFirstMachine() {
    String key = h.issue("2022", "ServerStandard", "OEM", null);
    Machine first = Machine.random();
    Map<String, Object> body = Harness.activation(key, "2022", "ServerStandard", first);
    body.put("oemMarker", "KEYWARD-OEM-WINSERVER");
    assertCertificate(h.post("/v1/activate", body), false);
    assertThat(h.deactivate(key, first).status()).isEqualTo(200);
    Map<String, Object> other = Harness.activation(key, "2022", "ServerStandard", Machine.random());
    other.put("oemMarker", "KEYWARD-OEM-WINSERVER");
    assertRefused(h.post("/v1/activate", other), "0xC004C008");
    assertCertificate(h.post("/v1/activate", body), true);
    assertThat(h.show(key).path("activeActivations").asInt()).isEqualTo(1);
  }

  @Test
  void volumeHostKeysActivateSixHosts() {
    Harness.Response issued =
        h.admin("POST", "/v1/admin/keys", Map.of("version", "2022", "channel", "VOLUME_KMS_HOST"));
    String key = issued.json().path("keys").get(0).path("key").asText();
    for (int i = 0; i < 6; i++) {
      assertCertificate(h.activate(key, "2022", "ServerDatacenter", Machine.random()), false);
    }
    assertRefused(h.activate(key, "2022", "ServerStandard", Machine.random()), "0xC004C008");
  }
}
