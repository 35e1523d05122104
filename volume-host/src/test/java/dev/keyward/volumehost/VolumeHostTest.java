package dev.keyward.volumehost;

import static dev.keyward.volumehost.HostSite.json;
import static dev.keyward.volumehost.HostSite.post;
import static dev.keyward.volumehost.HostSite.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.json.Json;
import dev.keyward.core.volume.SignedVolumeGrant;
import dev.keyward.core.volume.VolumeGrantCheck;
import dev.keyward.core.volume.VolumeGrantVerifier;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The volume host over real HTTP, its store activated against a real authority. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeHostTest {
  HostSite site;

  @BeforeAll
  void start(@TempDir Path dir) {
    site = new HostSite(dir);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  private static void refused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    Map<String, Object> p = json(r);
    assertThat(p.get("code")).isEqualTo(code);
    assertThat(p).containsKeys("name", "message", "remedy", "count", "retryIntervalMinutes");
  }

  @Test
  void anUnactivatedHostAnswers0xC004F041() {
    HostSite.HostMachine m = site.machine("2022");
    try (VolumeHost host = HostSite.serve(m)) {
      assertThat(host.activated()).isFalse();
      refused(post(host.url(), request("2022", 1).toJsonText()), 503, "0xC004F041");
      assertThat(Files.readString(m.store().resolve("volume-host.url")).strip())
          .isEqualTo(host.url().toString());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void fourClientsWaitTheFifthActivatesAllAndTheCountSurvivesARestart() throws Exception {
    HostSite.HostMachine m = site.activatedHost("2022");
    VolumeGrantVerifier verifier =
        new VolumeGrantVerifier(site.authority.trustedKeys(), CatalogLoader.winserver());
    try (VolumeHost host = HostSite.serve(m)) {
      assertThat(host.activated()).isTrue();
      for (int i = 1; i <= 4; i++) {
        HttpResponse<String> r = post(host.url(), request("2022", i).toJsonText());
        refused(r, 409, "0xC004F038");
        assertThat(json(r).get("count")).isEqualTo(i);
        assertThat(json(r).get("retryIntervalMinutes")).isEqualTo(120);
      }
      for (int i : List.of(5, 1, 2, 3, 4)) {
        HttpResponse<String> r = post(host.url(), request("2022", i).toJsonText());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        SignedVolumeGrant grant = SignedVolumeGrant.fromJsonText(r.body()).orElseThrow();
        assertThat(grant.grant().count()).isEqualTo(5);
        assertThat(verifier.verify(grant, "winserver", "2022", "ServerStandard", HostSite.cmid(i)))
            .isInstanceOf(VolumeGrantCheck.Valid.class);
      }
      assertThat(host.counts()).containsEntry("server", 5);
    }
    try (VolumeHost again = HostSite.serve(m)) {
      assertThat(again.counts()).containsEntry("server", 5);
      HttpResponse<String> r = post(again.url(), request("2022", 6).toJsonText());
      assertThat(SignedVolumeGrant.fromJsonText(r.body()).orElseThrow().grant().count())
          .isEqualTo(6);
    }
    List<Map<String, Object>> events =
        Files.readAllLines(m.store().resolve("winserver").resolve("events.jsonl")).stream()
            .map(l -> Json.readObject(l).orElseThrow())
            .filter(e -> Integer.valueOf(12290).equals(e.get("id")))
            .toList();
    assertThat(events).hasSize(10);
    assertThat(events.get(0)).containsEntry("result", "0xC004F038").containsEntry("count", 1);
    assertThat(events.get(9)).containsEntry("result", "0x00000000").containsEntry("count", 6);
    Map<String, Object> block =
        HostReport.read(
                HostFiles.of(m.client().store(), "winserver"),
                CatalogLoader.winserver(),
                Instant.now())
            .orElseThrow();
    assertThat(block).containsEntry("count", 6).containsEntry("threshold", 5);
    assertThat(block).containsEntry("running", false);
    @SuppressWarnings("unchecked")
    Map<String, Object> requests = (Map<String, Object>) block.get("requests");
    assertThat(requests).containsEntry("received", 1).containsEntry("granted", 1);
  }

  @Test
  void a2019HostRefusesA2022ClientAndServesA2019One() {
    HostSite.HostMachine m = site.activatedHost("2019");
    try (VolumeHost host = HostSite.serve(m)) {
      refused(post(host.url(), request("2022", 1).toJsonText()), 409, "0xC004F042");
      refused(post(host.url(), request("2019", 1).toJsonText()), 409, "0xC004F038");
    }
  }

  @Test
  void clocksFourHoursApartAreRefused() {
    HostSite.HostMachine m = site.activatedHost("2022");
    try (VolumeHost host = HostSite.serve(m)) {
      var r = request("2022", 1);
      var skewed =
          new dev.keyward.core.volume.VolumeRequest(
              r.product(),
              r.version(),
              r.edition(),
              r.keyGroup(),
              r.cmid(),
              Instant.now().plusSeconds(5 * 3600),
              r.previousHostId());
      refused(post(host.url(), skewed.toJsonText()), 409, "0xC004F06C");
      assertThat(host.counts()).doesNotContainKey("server");
    }
  }

  @Test
  void otherRoutesAndMethodsAreProblems() throws Exception {
    HostSite.HostMachine m = site.activatedHost("2022");
    try (VolumeHost host = HostSite.serve(m)) {
      var get =
          HostSite.HTTP.send(
              java.net.http.HttpRequest.newBuilder(host.url().resolve("/v1/volume/activate"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
      assertThat(json(get)).containsKeys("code", "remedy");
      var missing =
          HostSite.HTTP.send(
              java.net.http.HttpRequest.newBuilder(host.url().resolve("/nope")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(missing.statusCode()).isEqualTo(404);
      refused(post(host.url(), "{}"), 400, "0xC0DE0007");
    }
  }
}
