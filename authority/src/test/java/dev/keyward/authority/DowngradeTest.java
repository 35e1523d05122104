package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Downgrade keys: the rule, the link to the original, the audit entry and the shared MAK pool. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DowngradeTest {
  Harness h;

  @BeforeAll
  void start(@TempDir Path data) {
    h = Harness.start(data);
  }

  @AfterAll
  void stop() {
    h.close();
  }

  private Harness.Response downgrade(String key, String version) {
    return h.admin(
        "POST",
        "/v1/admin/keys/" + key + "/downgrade",
        Map.of("version", version, "reason", "runs 2019 under 2022 rights"));
  }

  @Test
  void aRetailKeyGetsOneLinkedKeyOfTheEarlierVersionAndTheAuditSaysWhy() {
    String original = h.issue("2022", "ServerStandard", "RETAIL", null);
    JsonNode originalRecord = h.show(original);
    Harness.Response r = downgrade(original, "2019");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    JsonNode d = r.json();
    String key = d.path("key").asText();
    assertThat(key).matches("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}").isNotEqualTo(original);
    assertThat(d.path("version").asText()).isEqualTo("2019");
    assertThat(d.path("edition").asText()).isEqualTo("ServerStandard");
    assertThat(d.path("channel").asText()).isEqualTo("RETAIL");
    assertThat(d.path("reissued").asBoolean()).isFalse();
    assertThat(d.path("downgradeOf").path("id").asText())
        .isEqualTo(originalRecord.path("id").asText());

    // keys show displays the link both ways
    assertThat(h.show(key).path("downgradeOf").path("version").asText()).isEqualTo("2022");
    JsonNode shown = h.show(original);
    assertThat(shown.path("downgradeOf").isNull()).isTrue();
    assertThat(shown.path("downgrades").get(0).path("id").asText())
        .isEqualTo(d.path("id").asText());

    // asking again (from the original or from the downgrade key) gives the same key back
    Harness.Response again = downgrade(key, "2019");
    assertThat(again.json().path("key").asText()).isEqualTo(key);
    assertThat(again.json().path("reissued").asBoolean()).isTrue();
    assertThat(h.show(original).path("downgrades")).hasSize(1);

    // the key activates a 2019 Standard installation; the original does not
    Machine m = Machine.random();
    assertThat(h.activate(key, "2019", "ServerStandard", m).status()).isEqualTo(200);
    assertThat(h.activate(original, "2019", "ServerStandard", Machine.random()).code())
        .isEqualTo("0xC004E016");

    JsonNode entries = h.admin("GET", "/v1/admin/audit", null).json().path("entries");
    List<JsonNode> downgrades = new ArrayList<>();
    entries.forEach(
        e -> {
          if (e.path("action").asText().equals("keys.downgrade")
              && e.path("subject").asText().startsWith(d.path("id").asText())) {
            downgrades.add(e);
          }
        });
    assertThat(downgrades).hasSize(2);
    assertThat(downgrades.get(0).path("detail").asText())
        .contains(originalRecord.path("id").asText())
        .contains("runs 2019 under 2022 rights")
        .doesNotContain(key)
        .doesNotContain(original);
    assertThat(h.admin("GET", "/v1/admin/audit/verify", null).json().path("ok").asBoolean())
        .isTrue();
  }

  @Test
  void aRetailLicenceRunsOneMachineAtATimeWhicheverOfItsKeysActivates() {
    String original = h.issue("2022", "ServerDatacenter", "RETAIL", null);
    String old = downgrade(original, "2019").json().path("key").asText();
    Machine a = Machine.random();
    Machine b = Machine.random();
    assertThat(h.activate(original, "2022", "ServerDatacenter", a).status()).isEqualTo(200);
    // the downgrade key on another machine: the licence is in use
    Harness.Response elsewhere = h.activate(old, "2019", "ServerDatacenter", b);
    assertThat(elsewhere.code()).isEqualTo("0xC004C008");
    // the same machine reinstalled with 2019: the 2022 activation is superseded
    assertThat(h.activate(old, "2019", "ServerDatacenter", a).status()).isEqualTo(200);
    assertThat(h.show(original).path("activeActivations").asInt()).isZero();
    JsonNode list =
        h.admin("GET", "/v1/admin/activations?key=" + original, null).json().path("activations");
    assertThat(list.get(0).path("releaseReason").asText()).contains("superseded");
    // and now the 2022 key is the one refused elsewhere
    assertThat(h.activate(original, "2022", "ServerDatacenter", b).code()).isEqualTo("0xC004C008");
  }

  @Test
  void refusedForLaterVersionsEvaluationAndBlockedKeys() {
    String key = h.issue("2022", "ServerDatacenter", "RETAIL", null);
    assertThat(downgrade(key, "2022").code()).isEqualTo("0xC0DE0011");
    assertThat(downgrade(key, "2025").code()).isEqualTo("0xC0DE0011");
    assertThat(downgrade(key, "2012").code()).isEqualTo("0xC0DE0007");
    Harness.Response missing =
        h.admin("POST", "/v1/admin/keys/" + key + "/downgrade", Map.of("reason", "x"));
    assertThat(missing.status()).isEqualTo(400);
    h.admin("POST", "/v1/admin/keys/" + key + "/block", Map.of("reason", "stolen"));
    Harness.Response blocked = downgrade(key, "2019");
    assertThat(blocked.status()).isEqualTo(422);
    assertThat(blocked.code()).isEqualTo("0xC004C003");
    String eval = h.issue("2022", "ServerStandardEval", "TIMEBASED_EVAL", null);
    assertThat(downgrade(eval, "2019").code()).isEqualTo("0xC0DE0011");
    assertThat(downgrade("BCDFG-HJKMP-QRTVW-XY234-6789B", "2019").status()).isIn(404, 422);
  }

  @Test
  void aMultipleActivationDowngradeKeySharesTheOriginalsPool() {
    String mak = h.issue("2025", "ServerStandard", "VOLUME_MAK", 2);
    String old = downgrade(mak, "2019").json().path("key").asText();
    assertThat(h.show(old).path("poolSize").asInt()).isEqualTo(2);
    assertThat(h.activate(mak, "2025", "ServerStandard", Machine.random()).status()).isEqualTo(200);
    assertThat(h.activate(old, "2019", "ServerStandard", Machine.random()).status()).isEqualTo(200);
    assertThat(h.show(mak).path("poolUsed").asInt()).isEqualTo(2);
    assertThat(h.show(old).path("poolUsed").asInt()).isEqualTo(2);
    assertThat(h.activate(old, "2019", "ServerStandard", Machine.random()).code())
        .isEqualTo("0xC004C020");
    // extending the downgrade key extends the one pool
    Harness.Response extended =
        h.admin(
            "POST",
            "/v1/admin/keys/" + old + "/extend",
            Map.of("by", 1, "reason", "one more 2019 server"));
    assertThat(extended.status()).as(extended.raw().body()).isEqualTo(200);
    assertThat(h.show(mak).path("poolSize").asInt()).isEqualTo(3);
    assertThat(h.activate(old, "2019", "ServerStandard", Machine.random()).status()).isEqualTo(200);
    // blocking the original blocks its downgrade key
    h.admin("POST", "/v1/admin/keys/" + mak + "/block", Map.of("reason", "contract ended"));
    assertThat(h.activate(old, "2019", "ServerStandard", Machine.random()).code())
        .isEqualTo("0xC004C003");
    assertThat(h.show(old).path("blocked").asBoolean()).isTrue();
  }
}
