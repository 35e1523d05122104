package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.http.RateLimit;
import dev.keyward.authority.http.Route;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.key.ProductKeyCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Admin token on every admin route, tampered certificates, key guessing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {
  Harness h;
  String key;

  @BeforeAll
  void start(@TempDir Path data) {
    h = Harness.start(data);
    key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 5);
  }

  @AfterAll
  void stop() {
    h.close();
  }

  /** Every admin route of the server's own route table: a new one cannot be forgotten. */
  Stream<Route> adminRoutes() {
    List<Route> admin = h.server.routes().stream().filter(Route::admin).toList();
    assertThat(admin).hasSizeGreaterThanOrEqualTo(10);
    return admin.stream();
  }

  private String concrete(Route route) {
    return route.path().replace("{key}", key);
  }

  @ParameterizedTest
  @MethodSource("adminRoutes")
  void adminRoutesRefuseAMissingToken(Route route) {
    String body = route.method().name().equals("GET") ? null : "{\"reason\":\"x\",\"by\":1}";
    Harness.Response r =
        h.send(route.method().name(), concrete(route), body, "application/json", null);
    assertThat(r.status()).as(route.path()).isEqualTo(401);
    assertThat(r.code()).isEqualTo("0xC0DE0008");
  }

  @ParameterizedTest
  @MethodSource("adminRoutes")
  void adminRoutesRefuseAWrongToken(Route route) {
    String body = route.method().name().equals("GET") ? null : "{\"reason\":\"x\",\"by\":1}";
    String wrong = h.token.substring(0, h.token.length() - 1) + (h.token.endsWith("A") ? "B" : "A");
    Harness.Response r =
        h.send(route.method().name(), concrete(route), body, "application/json", wrong);
    assertThat(r.status()).as(route.path()).isEqualTo(401);
    assertThat(r.code()).isEqualTo("0xC0DE0008");
  }

  @Test
  void nothingChangedWithoutAToken() {
    assertThat(h.show(key).path("blocked").asBoolean()).isFalse();
    assertThat(h.show(key).path("poolSize").asInt()).isEqualTo(5);
  }

  @Test
  void aCertificateWithOneByteChangedFailsVerification() {
    Harness.Response r = h.activate(key, "2022", "ServerStandard", Machine.random());
    assertThat(r.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = Harness.JSON.convertValue(r.json(), Map.class);
    SignedCertificate signed = SignedCertificate.fromJson(map).orElseThrow();
    CertificateVerifier verifier = new CertificateVerifier(h.server.trustedKeys());
    assertThat(verifier.verify(signed)).isInstanceOf(CertificateCheck.Valid.class);

    byte[] sig = signed.signature().clone();
    sig[ThreadLocalRandom.current().nextInt(sig.length)] ^= 1;
    assertThat(verifier.verify(new SignedCertificate(signed.certificate(), sig)))
        .isInstanceOf(CertificateCheck.Invalid.class);

    String text = signed.toJsonText();
    String partial = signed.certificate().partialKey();
    char c = partial.charAt(0) == 'B' ? 'C' : 'B';
    String altered = text.replace("\"" + partial + "\"", "\"" + c + partial.substring(1) + "\"");
    SignedCertificate tampered = SignedCertificate.fromJsonText(altered).orElseThrow();
    assertThat(verifier.verify(tampered)).isInstanceOf(CertificateCheck.Invalid.class);

    Map<String, Object> renew = new java.util.LinkedHashMap<>(tampered.toJson());
    renew.put(
        "components", map.get("certificate") instanceof Map<?, ?> m ? m.get("components") : null);
    Harness.Response refused = h.post("/v1/renew", renew);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("0xC0DE0003");
  }

  @Test
  void keyGuessingHitsTheRateLimit(@TempDir Path other) {
    try (Harness limited =
        Harness.start(
            other, b -> b.perAddress(new RateLimit(10, 0.01)).perKey(new RateLimit(5, 0.01)))) {
      List<Integer> statuses = new ArrayList<>();
      Harness.Response last = null;
      for (int i = 0; i < 25; i++) {
        String guess =
            ProductKeyCodec.encode(2011, i + 1, (g, s) -> ThreadLocalRandom.current().nextLong())
                .display();
        last = limited.activate(guess, "2022", "ServerStandard", Machine.random());
        statuses.add(last.status());
      }
      assertThat(statuses.subList(0, 10)).containsOnly(422);
      assertThat(statuses.subList(12, 25)).containsOnly(429);
      assertThat(last.code()).isEqualTo("0xC0DE0006");
      assertThat(last.raw().headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    }
  }

  @Test
  void oneKeysRefusalsAreLimitedButItsSuccessesAreNot(@TempDir Path other) {
    try (Harness limited = Harness.start(other, b -> b.perKey(new RateLimit(3, 0.01)))) {
      String k = limited.issue("2022", "ServerStandard", "RETAIL", null);
      Machine m = Machine.random();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        statuses.add(limited.activate(k, "2022", "ServerStandard", m).status());
      }
      for (int i = 0; i < 5; i++) {
        statuses.add(limited.activate(k, "2022", "ServerDatacenter", m).status());
      }
      assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 422, 422, 422, 429, 429);
    }
  }

  @Test
  void theAdminTokenFileIsOwnerOnlyAndTheDatabaseKeepsOnlyItsHash() throws Exception {
    Path dir = h.server.dataDir();
    for (String f :
        List.of(
            "admin-token",
            "secrets/authority-tag.secret",
            "secrets/fingerprint.secret",
            "secrets/key-encryption.key")) {
      assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve(f)))
          .as(f)
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
    List<String> stored =
        h.server
            .database()
            .read(x -> x.createQuery("SELECT hash FROM admin_tokens").mapTo(String.class).list());
    assertThat(stored).doesNotContain(h.token).hasSize(1);
    assertThat(stored.get(0)).hasSize(64);
  }

  @Test
  void fullKeysAreNeverStoredInClear() {
    String retail = h.issue("2022", "ServerStandard", "RETAIL", null);
    String canonical = retail.replace("-", "");
    List<Map<String, Object>> rows =
        h.server
            .database()
            .read(x -> x.createQuery("SELECT * FROM product_keys").mapToMap().list());
    assertThat(rows.toString()).doesNotContain(canonical).doesNotContain(retail);
  }

  @Test
  void forgedAndMistypedKeysAreRefusedWithoutTheDatabase(@TempDir Path other) {
    try (Harness lonely = Harness.start(other)) {
      String real = lonely.issue("2022", "ServerStandard", "RETAIL", null);
      lonely.server.database().close(); // any lookup would now fail
      String forged = ProductKeyCodec.encode(2011, 77, (g, s) -> 42L).display();
      Harness.Response r = lonely.activate(forged, "2022", "ServerStandard", Machine.random());
      assertThat(r.status()).isEqualTo(422);
      assertThat(r.code()).isEqualTo("0xC004F050");
      char wrong = real.charAt(7) == 'B' ? 'C' : 'B';
      Harness.Response typo =
          lonely.activate(
              real.substring(0, 7) + wrong + real.substring(8),
              "2022",
              "ServerStandard",
              Machine.random());
      assertThat(typo.status()).isEqualTo(422);
      assertThat(typo.json().path("suggestions").toString()).contains(real);
      assertThat(lonely.send("GET", "/healthz", null, null, null).status()).isEqualTo(503);
    }
  }
}
