package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.client.KeywardClient;
import dev.keyward.core.json.Json;
import dev.keyward.machines.LabProfile;
import dev.keyward.volumehost.VolumeHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A volume host key activated by phone ({@code slmgr /dti}, the activation center, {@code /atp}):
 * the host is Licensed but holds no certified host key, so it answers 0xC004F041 and says how to
 * get one; {@code slmgr /ato} then gives the phone activation its certificate, nothing spent, and
 * the host serves.
 */
class VolumeHostPhoneCliTest {
  private static final String AGENT = "agent-ana";

  @Test
  void aHostActivatedByPhoneServesAfterOneOnlineActivation(@TempDir Path dir) throws Exception {
    try (Site site = new Site(dir, 2022)) {
      SiteMachine host = site.machine(LabProfile.HYPERV_VM).init("2022", "ServerStandard");
      String key =
          site.admin(null, "keys", "issue", "--version", "2022", "--channel", "VOLUME_KMS_HOST")
              .out()
              .strip();
      host.ok("slmgr", "/ipk", key);
      String cid = site.phone(AGENT, host.iid(), "ticket 12: host on an isolated site");
      host.ok("slmgr", "/atp", cid);
      assertThat(host.dli()).containsEntry("licenseStatus", "Licensed");

      KeywardClient client =
          KeywardClient.builder()
              .store(host.store)
              .machine(() -> host.facts)
              .authority(site.authority.uri())
              .trust(site.authority.trustedKeys())
              .phoneTrust(site.authority.trustedPhoneKeys())
              .build();
      try (VolumeHost served =
          VolumeHost.start(
              new VolumeHost.Config(client, "127.0.0.1", 0, Optional.empty(), Clock.systemUTC()))) {
        assertThat(served.activated()).isFalse();
        HttpResponse<String> refused = post(served.url());
        assertThat(refused.statusCode()).isEqualTo(503);
        Map<String, Object> problem = Json.readObject(refused.body()).orElseThrow();
        assertThat(problem).containsEntry("code", "0xC004F041");
        assertThat((String) problem.get("message")).contains("phone", "slmgr /ato");

        host.ok("slmgr", "/ato");
        served.check();
        assertThat(served.activated()).isTrue();
        assertThat(post(served.url()).statusCode()).isEqualTo(409); // 0xC004F038: count 1 of 5
      }
      Map<String, Object> shown = site.adminJson(null, "keys", "show", key);
      assertThat(shown.get("activeActivations")).isEqualTo(1);
    }
  }

  private static HttpResponse<String> post(URI url) throws Exception {
    String body =
        "{\"product\":\"winserver\",\"version\":\"2022\",\"edition\":\"ServerStandard\","
            + "\"keyGroup\":2014,\"cmid\":\"12345678-0000-4000-8000-000000000001\","
            + "\"clientTime\":\""
            + java.time.Instant.now()
            + "\",\"previousHostId\":null}";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url.resolve("/v1/volume/activate"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
