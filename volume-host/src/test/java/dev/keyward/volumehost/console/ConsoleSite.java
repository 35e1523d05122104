package dev.keyward.volumehost.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.client.LicenseInfo;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.json.Json;
import dev.keyward.core.license.LicenseState;
import dev.keyward.core.time.MutableClock;
import dev.keyward.machines.LabProfile;
import dev.keyward.volumehost.HostSite;
import dev.keyward.volumehost.VolumeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A real site for the console tests: an authority on a random port, an activated volume host
 * serving on another (on a clock the test moves), and real volume clients that activated against it
 * (four wait below the threshold, the fifth activates them all).
 */
final class ConsoleSite implements AutoCloseable {
  static final String GVLK_2022_STANDARD = "K8DYQ-F3DK7-2FDRB-XQDFJ-DKKCC";
  static final int THRESHOLD = HostSite.WINSERVER.volume().threshold();

  final HostSite site;
  final HostSite.HostMachine hostMachine;

  /** The volume host's clock, moved forward by the tests (session expiry). */
  final MutableClock clock = new MutableClock(Instant.now());

  final VolumeHost host;
  final List<KeywardClient> clients = new ArrayList<>();
  private final Random random = new Random(7);

  ConsoleSite(Path dir, int clientCount) {
    site = new HostSite(dir);
    hostMachine = site.activatedHost("2022");
    host =
        VolumeHost.start(
            new VolumeHost.Config(hostMachine.client(), "127.0.0.1", 0, Optional.empty(), clock));
    for (int i = 0; i < clientCount; i++) {
      KeywardClient c = client("volume-client-" + i);
      c.init("winserver", "2022", "ServerStandard");
      c.installKey(GVLK_2022_STANDARD);
      c.volumeSettings().setHost("127.0.0.1:" + host.port());
      try {
        c.activate();
      } catch (KeywardException e) {
        assertThat(e.code()).isEqualTo(ErrorCode.VOLUME_NOT_ENOUGH_COUNT);
      }
      clients.add(c);
    }
    // the first ones waited below the threshold: they activate on their next try
    for (KeywardClient c : clients) {
      if (clientCount >= THRESHOLD && c.status().status().state() != LicenseState.LICENSED) {
        c.activate();
      }
    }
  }

  KeywardClient client(String name) {
    MachineFacts facts = LabProfile.VMWARE_VM.newMachine(random);
    return KeywardClient.builder()
        .store(site.dir.resolve(name))
        .machine(() -> facts)
        .authority(site.authority.uri())
        .trust(site.authority.trustedKeys())
        .phoneTrust(site.authority.trustedPhoneKeys())
        .build();
  }

  /** A MAK machine of the site, its key installed but not activated (it has an IID). */
  KeywardClient makMachine(String name) throws Exception {
    KeywardClient c = client(name);
    c.init("winserver", "2022", "ServerStandard");
    c.installKey(issueMak());
    return c;
  }

  /**
   * The fields of {@code keyward --json slmgr /dlv} the console reads, as the CLI writes them
   * (cli's Printer.fields: the CLI module builds on this one, so the test writes them itself).
   */
  static String dlvJson(LicenseInfo info) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("product", info.product());
    o.put("version", info.version());
    o.put("edition", info.edition());
    o.put("channel", info.channel().map(Channel::name).orElse(null));
    o.put("partialProductKey", info.partialProductKey().orElse(null));
    o.put("licenseStatus", info.status().state().displayName());
    o.put("licenseStatusCode", info.status().state().code());
    o.put("remainingMinutes", info.status().remainingMinutes());
    o.put("expires", info.status().expires() == null ? null : info.status().expires().toString());
    o.put("cmid", info.cmid());
    o.put("notices", info.notices());
    o.put("installationId", info.installationId().orElse(null));
    return Json.write(o) + "\n";
  }

  /** A MAK key of winserver 2022 ServerStandard, issued by the authority's admin API. */
  String issueMak() throws Exception {
    String body =
        Json.write(Map.of("version", "2022", "edition", "ServerStandard", "channel", "VOLUME_MAK"));
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(site.authority.uri().resolve("/v1/admin/keys"))
            .header("Authorization", "Bearer " + site.authority.adminToken())
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
    var r = HostSite.HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    @SuppressWarnings("unchecked")
    var keys = (List<Map<String, Object>>) Json.readObject(r.body()).orElseThrow().get("keys");
    return (String) keys.get(0).get("key");
  }

  /** The authority's answer to a proxy request file, as {@code keyward admin proxy answer}. */
  String answerProxy(String requestText) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", "isolated site, proxy activation from the site console");
    body.put("request", Json.readObject(requestText).orElseThrow());
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(site.authority.uri().resolve("/v1/admin/proxy"))
            .header("Authorization", "Bearer " + site.authority.adminToken())
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .build();
    var r = HostSite.HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  String token() throws java.io.IOException {
    return Files.readString(host.consoleTokenFile()).strip();
  }

  @Override
  public void close() {
    host.close();
    site.close();
  }
}
