package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.authority.http.RateLimit;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.KeyPayload;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.phone.CidCheck;
import dev.keyward.core.phone.HardwareFingerprint;
import dev.keyward.core.phone.InstallationId;
import dev.keyward.core.phone.PhoneKeyDecoding;
import dev.keyward.core.phone.PhonePublicKey;
import dev.keyward.core.phone.PhoneVerifier;
import dev.keyward.core.phone.ProxyFileReading;
import dev.keyward.core.phone.ProxyResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The activation center over HTTP: the same rules and counts as online, by installation ID. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneActivationTest {
  private static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();

  @TempDir static Path data;
  private Harness h;
  private PhoneVerifier verifier;

  @BeforeAll
  void start() {
    h = Harness.start(data);
    JsonNode trust = h.send("GET", "/v1/trust", null, null, null).json();
    JsonNode phoneKey = trust.path("phoneKeys").get(0);
    PhonePublicKey key =
        ((PhoneKeyDecoding.Decoded<PhonePublicKey>)
                PhonePublicKey.decode(phoneKey.path("p256").asText()))
            .key();
    verifier = PhoneVerifier.of(phoneKey.path("index").asInt(), key);
  }

  @AfterAll
  void stop() {
    h.close();
  }

  static InstallationId iid(String key, String version, String edition, Machine machine) {
    KeyPayload payload = ((KeyDecoding.Decoded) ProductKeyCodec.decode(key, g -> true)).payload();
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      hashes.put(c, new ComponentHash(machine.components().get(c.fileName())));
    }
    return InstallationId.of(
        payload,
        WINSERVER.versions().indexOf(version),
        WINSERVER.editions().stream().map(e -> e.id()).toList().indexOf(edition),
        HardwareFingerprint.of(new HardwareIdentity(hashes)));
  }

  private Harness.Response phone(InstallationId iid) {
    return h.post(
        "/v1/phone", Map.of("iid", iid.text(), "product", "winserver", "simulated", true));
  }

  @Test
  void theAuthorityPublishesItsPhoneKeyOwnerOnly() throws Exception {
    assertThat(h.server.trustedPhoneKeys()).hasSize(1);
    Path secret = data.resolve("secrets/phone-keys/0.p256");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(data.resolve("trust.json"))).contains("\"phoneKeys\"");
  }

  @Test
  void retailByPhone_sameIidSameCidNothingSpent_otherMachineRefused() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    Machine m = Machine.random();
    InstallationId iid = iid(key, "2022", "ServerStandard", m);

    Harness.Response first = phone(iid);
    assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
    String cid = first.json().path("cid").asText();
    assertThat(first.json().path("reissued").asBoolean()).isFalse();
    assertThat(verifier.verify(cid, iid)).isInstanceOf(CidCheck.Confirmed.class);

    Harness.Response again = phone(iid);
    assertThat(again.json().path("cid").asText()).isEqualTo(cid);
    assertThat(again.json().path("reissued").asBoolean()).isTrue();
    JsonNode list = h.admin("GET", "/v1/admin/activations?key=" + key, null).json();
    assertThat(list.path("activations")).hasSize(1);
    assertThat(list.path("activations").get(0).path("method").asText()).isEqualTo("phone");

    Harness.Response other = phone(iid(key, "2022", "ServerStandard", Machine.random()));
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.code()).isEqualTo("0xC004C008");

    // the same machine online later gets a certificate for the phone activation, spending nothing
    Harness.Response online = h.activate(key, "2022", "ServerStandard", m.changed(2));
    assertThat(online.status()).as(online.raw().body()).isEqualTo(200);
    assertThat(online.json().path("reissued").asBoolean()).isTrue();
    // and releases it online like any activation
    assertThat(h.deactivate(key, m).status()).isEqualTo(200);
    assertThat(phone(iid(key, "2022", "ServerStandard", Machine.random())).status()).isEqualTo(200);
  }

  @Test
  void makPoolCountsPhoneActivations() {
    String mak = h.issue("2022", "ServerStandard", "VOLUME_MAK", 1);
    assertThat(phone(iid(mak, "2022", "ServerStandard", Machine.random())).status()).isEqualTo(200);
    assertThat(h.show(mak).path("poolUsed").asInt()).isEqualTo(1);
    Harness.Response full = phone(iid(mak, "2022", "ServerStandard", Machine.random()));
    assertThat(full.code()).isEqualTo("0xC004C020");
  }

  @Test
  void aWrongProofAMistypedIidAndAnotherEditionAreRefused() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    InstallationId real = iid(key, "2022", "ServerStandard", Machine.random());
    InstallationId forged =
        new InstallationId(
            real.keyGroup(),
            real.serial(),
            real.versionIndex(),
            real.editionIndex(),
            real.hardware(),
            real.keyProof() ^ 1);
    assertThat(phone(forged).code()).isEqualTo("0xC004F050");

    char[] digits = real.text().toCharArray();
    digits[10] = digits[10] == '5' ? '6' : '5';
    Harness.Response mistyped =
        h.post("/v1/phone", Map.of("iid", new String(digits), "simulated", true));
    assertThat(mistyped.code()).isEqualTo("0xC004F04D");
    assertThat(mistyped.json().path("message").asText()).contains("group 2");

    Harness.Response datacenter = phone(iid(key, "2022", "ServerDatacenter", Machine.random()));
    assertThat(datacenter.code()).isEqualTo("0xC004F050");
    assertThat(datacenter.json().path("message").asText()).contains("ServerDatacenter");
  }

  @Test
  void supportConfirmsWithActorAndReason_proxyFilesAreAnsweredEntryByEntryAndSigned() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    InstallationId iid = iid(key, "2022", "ServerStandard", Machine.random());
    Harness.Response noReason =
        h.admin("POST", "/v1/admin/phone", Map.of("iid", iid.text(), "simulated", true));
    assertThat(noReason.status()).isEqualTo(400);
    Harness.Response agent =
        h.send(
            "POST",
            "/v1/admin/phone",
            Harness.write(
                Map.of("iid", iid.text(), "simulated", true, "reason", "ticket 42: server died")),
            "application/json",
            h.token);
    assertThat(agent.status()).as(agent.raw().body()).isEqualTo(200);
    JsonNode audit = h.admin("GET", "/v1/admin/audit", null).json().path("entries");
    JsonNode last = audit.get(audit.size() - 1);
    assertThat(last.path("action").asText()).isEqualTo("phone.confirm");
    assertThat(last.path("detail").asText()).contains("ticket 42: server died");

    String mak = h.issue("2022", "ServerStandard", "VOLUME_MAK", 1);
    List<Map<String, Object>> entries =
        List.of(
            entry("a", iid(mak, "2022", "ServerStandard", Machine.random())),
            entry("b", iid(mak, "2022", "ServerStandard", Machine.random())));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("format", "keyward-proxy-request/1");
    request.put("entries", entries);
    Harness.Response answered =
        h.admin("POST", "/v1/admin/proxy", Map.of("request", request, "reason", "site visit"));
    assertThat(answered.status()).as(answered.raw().body()).isEqualTo(200);
    ProxyResponse response =
        ((ProxyFileReading.Read<ProxyResponse>) ProxyResponse.read(answered.raw().body())).file();
    assertThat(response.entries().get(0).cid()).isPresent();
    assertThat(response.entries().get(1).error().orElseThrow().error().hex())
        .isEqualTo("0xC004C020");
    List<TrustedKey> certificateKeys = h.server.trustedKeys();
    assertThat(response.checkSignature(certificateKeys))
        .isInstanceOf(ProxyResponse.SignatureCheck.Valid.class);
  }

  private static Map<String, Object> entry(String label, InstallationId iid) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("label", label);
    e.put("product", "winserver");
    e.put("iid", iid.text());
    e.put("simulated", true);
    return e;
  }

  @Test
  void phoneRefusalsAreRateLimitedPerKey(@TempDir Path other) {
    try (Harness limited = Harness.start(other, b -> b.perKey(new RateLimit(2, 0.001)))) {
      String key = limited.issue("2022", "ServerStandard", "RETAIL", null);
      InstallationId iid = iid(key, "2022", "ServerStandard", Machine.random());
      Map<String, Object> body = Map.of("iid", iid.text(), "simulated", true);
      for (int i = 0; i < 3; i++) {
        assertThat(limited.post("/v1/phone", body).status()).isEqualTo(200); // successes are free
      }
      Map<String, Object> wrong = Map.of("iid", iid.text(), "simulated", true, "product", "nope");
      assertThat(limited.post("/v1/phone", wrong).status()).isBetween(400, 428);
      assertThat(limited.post("/v1/phone", wrong).status()).isBetween(400, 428);
      Harness.Response third = limited.post("/v1/phone", wrong);
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.raw().headers().firstValue("Retry-After")).isPresent();
    }
  }
}
