package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.authority.startup.StartupException;
import dev.keyward.core.time.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Admin and support actions, renewal and the audit chain. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminTest {
  Harness h;

  @BeforeAll
  void start(@TempDir Path data) {
    h = Harness.start(data);
  }

  @AfterAll
  void stop() {
    h.close();
  }

  @Test
  void issuesBatchesWithDistinctKeysAndRecords() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", "2025");
    body.put("edition", "ServerDatacenter");
    body.put("channel", "VOLUME_MAK");
    body.put("count", 20);
    Harness.Response r = h.admin("POST", "/v1/admin/keys", body);
    assertThat(r.status()).isEqualTo(201);
    JsonNode keys = r.json().path("keys");
    assertThat(keys).hasSize(20);
    java.util.Set<String> distinct = new java.util.HashSet<>();
    keys.forEach(k -> distinct.add(k.path("key").asText()));
    assertThat(distinct).hasSize(20);
    JsonNode first = keys.get(0);
    assertThat(first.path("poolSize").asInt()).isEqualTo(10); // the catalog's defaultPool
    assertThat(first.path("channel").asText()).isEqualTo("VOLUME_MAK");
    assertThat(first.path("partialKey").asText())
        .isEqualTo(first.path("key").asText().substring(24));
    // Shown by key (any typed form) or by record id.
    String typed = first.path("key").asText().toLowerCase().replace("-", " ");
    assertThat(h.show(typed.replace(" ", "")).path("id").asText())
        .isEqualTo(first.path("id").asText());
    assertThat(h.show(first.path("id").asText()).path("partialKey").asText())
        .isEqualTo(first.path("partialKey").asText());
  }

  @Test
  void issueRefusesWhatTheCatalogDoesNotHave() {
    assertThat(
            h.admin(
                    "POST",
                    "/v1/admin/keys",
                    Map.of("version", "2030", "edition", "ServerStandard", "channel", "RETAIL"))
                .status())
        .isEqualTo(400);
    assertThat(
            h.admin(
                    "POST",
                    "/v1/admin/keys",
                    Map.of(
                        "version",
                        "2022",
                        "edition",
                        "ServerStandard",
                        "channel",
                        "VOLUME_KMSCLIENT"))
                .status())
        .isEqualTo(400);
    assertThat(
            h.admin(
                    "POST",
                    "/v1/admin/keys",
                    Map.of(
                        "version",
                        "2022",
                        "edition",
                        "ServerStandard",
                        "channel",
                        "RETAIL",
                        "pool",
                        5))
                .status())
        .isEqualTo(400);
    assertThat(
            h.admin("POST", "/v1/admin/keys", Map.of("version", "2022", "channel", "RETAIL"))
                .status())
        .isEqualTo(400);
    assertThat(
            h.admin(
                    "POST",
                    "/v1/admin/keys",
                    Map.of(
                        "version",
                        "2022",
                        "edition",
                        "ServerStandard",
                        "channel",
                        "RETAIL",
                        "count",
                        1001))
                .status())
        .isEqualTo(400);
    Harness.Response host =
        h.admin("POST", "/v1/admin/keys", Map.of("version", "2022", "channel", "VOLUME_KMS_HOST"));
    assertThat(host.status()).isEqualTo(201);
    assertThat(host.json().path("keys").get(0).path("edition").isNull()).isTrue();
  }

  @Test
  void unknownKeysAre404WithSuggestionsForTypos() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    char wrong = key.charAt(0) == 'B' ? 'C' : 'B';
    Harness.Response typo = h.admin("GET", "/v1/admin/keys/" + wrong + key.substring(1), null);
    assertThat(typo.status()).isEqualTo(404);
    assertThat(typo.code()).isEqualTo("0xC004F050");
    assertThat(typo.json().path("suggestions").toString()).contains(key);
    Harness.Response id = h.admin("GET", "/v1/admin/keys/pk-aaaaaaaaaaaaaaaaaaaa", null);
    assertThat(id.status()).isEqualTo(404);
  }

  @Test
  void makExtensionStopsAtTheCatalogLimit() {
    String key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 1);
    assertThat(h.activate(key, "2022", "ServerStandard", Machine.random()).status()).isEqualTo(200);
    assertThat(h.activate(key, "2022", "ServerStandard", Machine.random()).code())
        .isEqualTo("0xC004C020");
    Harness.Response extended =
        h.admin(
            "POST", "/v1/admin/keys/" + key + "/extend", Map.of("by", 60, "reason", "rebuilds"));
    assertThat(extended.status()).isEqualTo(200);
    assertThat(extended.json().path("poolSize").asInt()).isEqualTo(61);
    assertThat(h.activate(key, "2022", "ServerStandard", Machine.random()).status()).isEqualTo(200);
    Harness.Response tooFar =
        h.admin("POST", "/v1/admin/keys/" + key + "/extend", Map.of("by", 41, "reason", "more"));
    assertThat(tooFar.status()).isEqualTo(422);
    assertThat(tooFar.code()).isEqualTo("0xC004C021");
    assertThat(
            h.admin("POST", "/v1/admin/keys/" + key + "/extend", Map.of("by", 40, "reason", "last"))
                .status())
        .isEqualTo(200);
    String retail = h.issue("2022", "ServerStandard", "RETAIL", null);
    assertThat(
            h.admin("POST", "/v1/admin/keys/" + retail + "/extend", Map.of("by", 1, "reason", "x"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void supportReleaseFreesRetailAndGivesMakCountsBack() {
    String retail = h.issue("2022", "ServerStandard", "RETAIL", null);
    Machine dead = Machine.random();
    assertThat(h.activate(retail, "2022", "ServerStandard", dead).status()).isEqualTo(200);
    assertThat(h.activate(retail, "2022", "ServerStandard", Machine.random()).code())
        .isEqualTo("0xC004C008");
    Harness.Response released =
        h.admin(
            "POST", "/v1/admin/keys/" + retail + "/release", Map.of("reason", "motherboard died"));
    assertThat(released.json().path("released").asInt()).isEqualTo(1);
    assertThat(h.activate(retail, "2022", "ServerStandard", Machine.random()).status())
        .isEqualTo(200);

    String mak = h.issue("2022", "ServerStandard", "VOLUME_MAK", 2);
    h.activate(mak, "2022", "ServerStandard", Machine.random());
    h.activate(mak, "2022", "ServerStandard", Machine.random());
    assertThat(h.show(mak).path("poolUsed").asInt()).isEqualTo(2);
    h.admin("POST", "/v1/admin/keys/" + mak + "/release", Map.of("reason", "retired"));
    assertThat(h.show(mak).path("poolUsed").asInt()).isZero();
    JsonNode list =
        h.admin("GET", "/v1/admin/activations?key=" + mak, null).json().path("activations");
    assertThat(list).hasSize(2);
    list.forEach(
        a -> {
          assertThat(a.path("active").asBoolean()).isFalse();
          assertThat(a.path("releaseReason").asText()).isEqualTo("retired");
          assertThat(a.path("partialKey").asText()).isEqualTo(mak.substring(24));
        });
  }

  @Test
  void supportReleasesOneActivationOfAMakKey_theOthersStay() {
    String mak = h.issue("2022", "ServerStandard", "VOLUME_MAK", 3);
    for (int i = 0; i < 3; i++) {
      assertThat(h.activate(mak, "2022", "ServerStandard", Machine.random()).status())
          .isEqualTo(200);
    }
    JsonNode list =
        h.admin("GET", "/v1/admin/activations?key=" + mak, null).json().path("activations");
    String one = list.get(0).path("id").asText();
    Harness.Response released =
        h.admin(
            "POST",
            "/v1/admin/keys/" + mak + "/release",
            Map.of("reason", "server scrapped", "activation", one));
    assertThat(released.json().path("released").asInt()).isEqualTo(1);
    assertThat(h.show(mak).path("poolUsed").asInt()).isEqualTo(2);
    JsonNode after =
        h.admin("GET", "/v1/admin/activations?key=" + mak, null).json().path("activations");
    after.forEach(
        a ->
            assertThat(a.path("active").asBoolean())
                .as(a.toString())
                .isEqualTo(!a.path("id").asText().equals(one)));
    // the pool has room again: a new machine activates
    assertThat(h.activate(mak, "2022", "ServerStandard", Machine.random()).status()).isEqualTo(200);
    Harness.Response again =
        h.admin(
            "POST",
            "/v1/admin/keys/" + mak + "/release",
            Map.of("reason", "twice", "activation", one));
    assertThat(again.status()).isEqualTo(400);
    assertThat(h.show(mak).path("poolUsed").asInt()).isEqualTo(3);
  }

  @Test
  void renewalGivesAFreshCertificateWhileTheMachineHoldsTheActivation(@TempDir Path own) {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (Harness timed = Harness.start(own, b -> b.clock(clock))) {
      String key = timed.issue("2022", "ServerStandard", "RETAIL", null);
      Machine m = Machine.random();
      Harness.Response first = timed.activate(key, "2022", "ServerStandard", m);
      Map<String, Object> renew = new LinkedHashMap<>();
      renew.put("certificate", first.json().path("certificate"));
      renew.put("signature", first.json().path("signature").asText());
      renew.put("components", m.changed(2).components());
      clock.advance(Duration.ofMinutes(1)); // a later issuedAt, from the clock and not a pause
      Harness.Response renewed = timed.post("/v1/renew", renew);
      assertThat(renewed.status()).as(renewed.raw().body()).isEqualTo(200);
      assertThat(renewed.json().path("certificate").path("certificateId").asText())
          .isNotEqualTo(first.json().path("certificate").path("certificateId").asText());
      assertThat(renewed.json().path("certificate").path("issuedAt").asText())
          .isGreaterThan(first.json().path("certificate").path("issuedAt").asText());

      renew.put("components", m.changed(4).components());
      assertThat(timed.post("/v1/renew", renew).code()).isEqualTo("0xC004F00F");

      renew.put("components", m.components());
      timed.deactivate(key, m);
      assertThat(timed.post("/v1/renew", renew).code()).isEqualTo("0xC004F014");
    }
  }

  @Test
  void theAuditChainRecordsEveryActionAndDetectsTampering() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    h.send(
        "POST",
        "/v1/admin/keys/" + key + "/block",
        "{\"reason\":\"leak reported\"}",
        "application/json",
        h.token);
    Harness.Response named = h.send("GET", "/v1/admin/audit/verify", null, null, h.token);
    assertThat(named.json().path("ok").asBoolean()).isTrue();
    JsonNode entries = h.admin("GET", "/v1/admin/audit", null).json().path("entries");
    JsonNode last = entries.get(entries.size() - 1);
    assertThat(last.path("action").asText()).isEqualTo("keys.block");
    assertThat(last.path("detail").asText()).contains("leak reported");
    assertThat(entries.toString()).doesNotContain(key);
    long seq = last.path("seq").asLong();
    assertThat(h.admin("GET", "/v1/admin/audit?after=" + (seq - 1), null).json().path("entries"))
        .hasSize(1);

    // Append-only: the database itself refuses changes and deletions...
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> h.server.database().write(x -> x.createUpdate("DELETE FROM audit_log").execute()))
        .hasStackTraceContaining("append-only");
    // ...and whoever drops the trigger to rewrite history is caught by the chain.
    h.server.database().write(x -> x.execute("DROP TRIGGER audit_log_no_update"));
    h.server
        .database()
        .write(
            x ->
                x.createUpdate(
                        "UPDATE audit_log SET detail = '{\"reason\":\"nothing\"}' WHERE seq = :s")
                    .bind("s", seq)
                    .execute());
    JsonNode broken = h.admin("GET", "/v1/admin/audit/verify", null).json();
    assertThat(broken.path("ok").asBoolean()).isFalse();
    assertThat(broken.path("brokenAt").asLong()).isEqualTo(seq);
    h.server
        .database()
        .write(
            x ->
                x.createUpdate("UPDATE audit_log SET detail = :d WHERE seq = :s")
                    .bind("d", last.path("detail").asText())
                    .bind("s", seq)
                    .execute());
    assertThat(h.admin("GET", "/v1/admin/audit/verify", null).json().path("ok").asBoolean())
        .isTrue();
  }

  @Test
  void theActorHeaderNamesWhoActed() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    var req =
        java.net.http.HttpRequest.newBuilder(
                h.server.uri().resolve("/v1/admin/keys/" + key + "/block"))
            .header("Authorization", "Bearer " + h.token)
            .header("X-Keyward-Actor", "alice@support")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"r\"}"))
            .build();
    try {
      assertThat(h.http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    JsonNode entries = h.admin("GET", "/v1/admin/audit", null).json().path("entries");
    assertThat(entries.get(entries.size() - 1).path("actor").asText()).isEqualTo("alice@support");
  }

  @Test
  void catalogUploadsAreCheckedWholeAndKeepIssuedKeysMeaningful() {
    h.issue("2022", "ServerStandard", "RETAIL", null);
    Harness.Response bad =
        h.send(
            "PUT",
            "/v1/admin/catalog",
            "products:\n  - id: x\n    family: nope\n",
            "text/yaml",
            h.token);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("0xC0DE0001");
    assertThat(bad.json().path("problems").size()).isGreaterThan(1);

    String other =
        """
        products:
          - id: widget
            family: client
            versions: ["1"]
            editions: [{id: Pro, tier: Pro, installType: desktop}]
            channels: {RETAIL: {}}
            keyGroups: [{group: 42, version: "1", edition: Pro, channel: RETAIL}]
        """;
    Harness.Response dropsGroups = h.send("PUT", "/v1/admin/catalog", other, "text/yaml", h.token);
    assertThat(dropsGroups.status()).isEqualTo(400);
    assertThat(dropsGroups.json().path("problems").toString()).contains("2011");

    String same = new String(readBuiltin(), java.nio.charset.StandardCharsets.UTF_8);
    Harness.Response ok = h.send("PUT", "/v1/admin/catalog", same, "text/yaml", h.token);
    assertThat(ok.status()).as(ok.raw().body()).isEqualTo(200);
    assertThat(ok.json().path("products").toString()).contains("winserver");
  }

  private static byte[] readBuiltin() {
    try (var in =
        dev.keyward.core.catalog.CatalogLoader.class.getResourceAsStream("winserver.yaml")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void sqliteRunsWithTheAuthoritysSettings() {
    var db = h.server.database();
    assertThat(db.dialect()).isEqualTo(dev.keyward.authority.store.Database.Dialect.SQLITE);
    String journal = db.read(x -> x.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
    Integer busy = db.read(x -> x.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one());
    Integer sync = db.read(x -> x.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
    assertThat(journal).isEqualToIgnoringCase("wal");
    assertThat(busy).isEqualTo(15000);
    assertThat(sync).isEqualTo(2); // FULL
    Integer temp = db.read(x -> x.createQuery("PRAGMA temp_store").mapTo(Integer.class).one());
    assertThat(temp).isEqualTo(2); // MEMORY
    // no second query after each INSERT for keys nothing reads
    boolean generatedKeys =
        db.read(
            x -> {
              try {
                return x.getConnection()
                    .unwrap(org.sqlite.SQLiteConnection.class)
                    .getConnectionConfig()
                    .isGetGeneratedKeys();
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(generatedKeys).isFalse();
  }

  @Test
  void hostileCatalogUploadsAreRefusedCleanly() {
    for (String text :
        java.util.List.of(
            "a: &a [*a, *a]\nb: &b [*a, *a]\nc: &c [*b, *b]\nproducts: [*c, *c]\n",
            "[".repeat(20_000),
            "products: !!java.lang.Runtime {}\n",
            "\u0000\u0001\u0002",
            "products:\n  - " + "x: ".repeat(3000) + "1\n",
            "{\"products\": 1}")) {
      Harness.Response r = h.send("PUT", "/v1/admin/catalog", text, "text/yaml", h.token);
      assertThat(r.status()).as(text.length() > 60 ? text.substring(0, 60) : text).isEqualTo(400);
      assertThat(r.code()).isIn("0xC0DE0001", "0xC0DE0007");
    }
  }

  @Test
  void blockUnblockAndExtendTakeAnOptionalReason() {
    String key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 2);
    Harness.Response blocked =
        h.send("POST", "/v1/admin/keys/" + key + "/block", null, null, h.token);
    assertThat(blocked.status()).as(blocked.raw().body()).isEqualTo(200);
    assertThat(blocked.json().path("blocked").asBoolean()).isTrue();
    assertThat(
            h.admin("POST", "/v1/admin/keys/" + key + "/unblock", Map.of())
                .json()
                .path("blocked")
                .asBoolean())
        .isFalse();
    assertThat(
            h.admin("POST", "/v1/admin/keys/" + key + "/extend", Map.of("by", 3))
                .json()
                .path("poolSize")
                .asInt())
        .isEqualTo(5);
    JsonNode entries = h.admin("GET", "/v1/admin/audit", null).json().path("entries");
    assertThat(entries.get(entries.size() - 1).path("detail").asText())
        .contains("(no reason given)");
    assertThat(h.admin("POST", "/v1/admin/keys/" + key + "/release", Map.of()).status())
        .isEqualTo(400);
  }

  @Test
  void supportCanRevealALostKeyByItsRecordIdAndTheRevealIsAudited() {
    Harness.Response issued =
        h.admin(
            "POST",
            "/v1/admin/keys",
            Map.of("version", "2022", "edition", "ServerStandard", "channel", "RETAIL"));
    JsonNode record = issued.json().path("keys").get(0);
    String id = record.path("id").asText();
    assertThat(h.show(id).has("key")).isFalse();
    Harness.Response revealed = h.admin("GET", "/v1/admin/keys/" + id + "?reveal=true", null);
    assertThat(revealed.json().path("key").asText()).isEqualTo(record.path("key").asText());
    JsonNode entries = h.admin("GET", "/v1/admin/audit", null).json().path("entries");
    assertThat(entries.get(entries.size() - 1).path("action").asText()).isEqualTo("keys.reveal");
    assertThat(entries.toString()).doesNotContain(record.path("key").asText());
    assertThat(h.admin("GET", "/v1/admin/keys/" + id + "?reveal=yes", null).status())
        .isEqualTo(400);
  }

  @Test
  void simulatedMachinesAreAcceptedWhenAllowed() {
    String key = h.issue("2022", "ServerStandard", "RETAIL", null);
    Map<String, Object> body = Harness.activation(key, "2022", "ServerStandard", Machine.random());
    body.put("simulated", true);
    assertThat(h.post("/v1/activate", body).status()).isEqualTo(200);
  }

  @Test
  void aDamagedSecretStopsTheStartWithAMessage(@TempDir Path other) throws Exception {
    Harness.start(other).close();
    java.nio.file.Files.writeString(other.resolve("secrets/authority-tag.secret"), "not base64!\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Harness.start(other))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("secrets")
        .hasMessageContaining("damaged");
  }
}
