package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.json.Json;
import dev.keyward.machines.LabProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward volume-host serve} as its own JVM on a host store activated with {@code slmgr /ipk
 * HOSTKEY} and {@code /ato}: killed with SIGKILL under load and started again, its count is at
 * least every count it answered; {@code slmgr /dlv} shows the host block.
 */
class VolumeHostCliTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern LISTENING =
      Pattern.compile("^Keyward volume host listening on (http://\\S+?)\\.? ");
  private static final int MACHINES = 8;

  private static Process launch(SiteMachine host, Path dir, Path trust) throws Exception {
    return host.startProcess(
        trust,
        dir.resolve("volume-host-stderr.txt"),
        "volume-host",
        "serve",
        "--port",
        "0",
        "--bind",
        "127.0.0.1");
  }

  private static URI awaitListening(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("first line of the host").isNotNull();
    Matcher m = LISTENING.matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return URI.create(m.group(1));
  }

  private static String request(int machine) {
    String cmid =
        new Cmid(new UUID(0x1234_5678_0000_4000L, 0x8000_0000_0000_0000L | machine)).format();
    return Site.volumeRequest(cmid, Instant.now());
  }

  /** The count an answer carries (a grant's or a refusal's), or -1. */
  private static int count(HttpResponse<String> r) {
    Map<String, Object> json = Json.readObject(r.body()).orElse(Map.of());
    if (json.get("grant") instanceof Map<?, ?> grant && grant.get("count") instanceof Integer n) {
      return n;
    }
    return json.get("count") instanceof Integer n ? n : -1;
  }

  private static HttpResponse<String> post(URI url, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url.resolve("/v1/volume/activate"))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> volumeHost(SiteMachine host) {
    return (Map<String, Object>) host.json("slmgr", "/dlv").get("volumeHost");
  }

  @Test
  void killedUnderLoadTheHostKeepsItsCount(@TempDir Path dir) throws Exception {
    try (Site site = new Site(dir, 1688)) {
      SiteMachine host = site.machine(LabProfile.HYPERV_VM).init("2022", "ServerStandard");
      String key = site.issueHostKey("2022");
      host.ok("slmgr", "/ipk", key);
      host.ok("slmgr", "/ato");

      Process first = launch(host, dir, site.trustFile());
      ConcurrentLinkedQueue<Integer> answered = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService load = Executors.newFixedThreadPool(4);
      try {
        URI url = awaitListening(first);
        for (int t = 0; t < 4; t++) {
          int thread = t;
          load.submit(
              () -> {
                for (int i = 0; i < 500 && !stop.get(); i++) {
                  try {
                    int n = count(post(url, request(1 + (thread + 4 * i) % MACHINES)));
                    if (n >= 0) {
                      answered.add(n);
                    }
                  } catch (Exception e) {
                    return; // the host was killed
                  }
                }
              });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered.size() < 5 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
      } finally {
        first.destroyForcibly(); // SIGKILL
        first.waitFor(30, TimeUnit.SECONDS);
        stop.set(true);
        load.shutdown();
        load.awaitTermination(30, TimeUnit.SECONDS);
      }
      assertThat(answered).as("answers before the kill").isNotEmpty();
      int highest = answered.stream().mapToInt(Integer::intValue).max().orElseThrow();

      Map<String, Object> afterKill = volumeHost(host);
      int kept = (Integer) afterKill.get("count");
      assertThat(kept).isGreaterThanOrEqualTo(highest).isLessThanOrEqualTo(MACHINES);
      assertThat(afterKill).containsEntry("threshold", 5).containsEntry("activated", true);

      Process second = launch(host, dir, site.trustFile());
      try {
        URI url = awaitListening(second);
        // a machine already counted asks again: the count is the one kept through the crash
        assertThat(count(post(url, request(1)))).isEqualTo(Math.max(kept, 1));
        Map<String, Object> running = volumeHost(host);
        assertThat(running.get("port")).isEqualTo(url.getPort());
        assertThat(running).containsEntry("running", true);
        assertThat(host.ok("slmgr", "/dlv").out())
            .contains("Volume activation host:", "Listening port: " + url.getPort())
            .contains("Current count (server): " + Math.max(kept, 1));
      } finally {
        second.destroyForcibly();
        second.waitFor(30, TimeUnit.SECONDS);
      }
      List<String> noStack = new ArrayList<>(List.of(host.ok("slmgr", "/dlv").err()));
      assertThat(noStack.get(0)).doesNotContain("\tat ");
    }
  }
}
