package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authority as its own JVM, killed with SIGKILL in the middle of a load of activations and
 * admin actions, then restarted on the same data directory: nothing a client was told is lost.
 */
class CrashTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Process launch(Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            AuthorityMain.class.getName(),
            "--data",
            data.toString(),
            "--port",
            "0");
    pb.redirectError(data.resolveSibling("authority-stderr.txt").toFile());
    return pb.start();
  }

  private static URI awaitListening(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line)
        .as("first line of the authority")
        .startsWith("Keyward authority listening on ");
    return URI.create(line.substring("Keyward authority listening on ".length()).strip());
  }

  private static HttpResponse<String> post(URI base, String path, String token, Object body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Harness.write(body)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void killedMidLoadLosesNothingItAnswered(@TempDir Path root) throws Exception {
    Path data = root.resolve("data");
    Files.createDirectories(data);
    Files.writeString(
        data.resolve("authority.yaml"),
        "rateLimits: {perAddress: {burst: 0}, perKey: {burst: 0}}\n");
    Process first = launch(data);
    List<String> received = new ArrayList<>();
    try {
      URI base = awaitListening(first);
      assertThat(Files.readString(data.resolve("authority.url")).strip())
          .isEqualTo(base.toString());
      String token = Files.readString(data.resolve("admin-token")).strip();
      HttpResponse<String> issued =
          post(
              base,
              "/v1/admin/keys",
              token,
              Map.of(
                  "version",
                  "2022",
                  "edition",
                  "ServerStandard",
                  "channel",
                  "VOLUME_MAK",
                  "pool",
                  100_000));
      assertThat(issued.statusCode()).isEqualTo(201);
      String key = Harness.JSON.readTree(issued.body()).path("keys").get(0).path("key").asText();

      ConcurrentLinkedQueue<String> certificates = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService load = Executors.newFixedThreadPool(17);
      for (int t = 0; t < 16; t++) {
        load.submit(
            () -> {
              while (!stop.get()) {
                try {
                  Map<String, Object> body =
                      Harness.activation(key, "2022", "ServerStandard", Machine.random());
                  HttpResponse<String> r = post(base, "/v1/activate", null, body);
                  if (r.statusCode() == 200) {
                    certificates.add(r.body());
                  }
                } catch (Exception e) {
                  return null; // the authority died
                }
              }
              return null;
            });
      }
      load.submit(
          () -> {
            while (!stop.get()) {
              try {
                post(
                    base,
                    "/v1/admin/keys",
                    token,
                    Map.of(
                        "version",
                        "2022",
                        "edition",
                        "ServerStandard",
                        "channel",
                        "RETAIL",
                        "count",
                        3));
              } catch (Exception e) {
                return null;
              }
            }
            return null;
          });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (certificates.size() < 150 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      first.destroyForcibly();
      assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
      // 128 + SIGKILL: the authority was still serving when it was killed, not dead already
      assertThat(first.exitValue()).as("exit status of the killed authority").isEqualTo(137);
      stop.set(true);
      load.shutdown();
      assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      received.addAll(certificates);
    } finally {
      first.destroyForcibly();
    }
    assertThat(received).hasSizeGreaterThanOrEqualTo(100);

    try (AuthorityServer again =
        AuthorityServer.start(AuthorityConfig.builder().dataDir(data).port(0).build())) {
      CertificateVerifier verifier = new CertificateVerifier(again.trustedKeys());
      var db = again.database();
      for (String body : received) {
        SignedCertificate signed = SignedCertificate.fromJsonText(body).orElseThrow();
        assertThat(verifier.verify(signed)).isInstanceOf(CertificateCheck.Valid.class);
        String id = signed.certificate().certificateId();
        String stored =
            db.read(
                    h ->
                        h.createQuery("SELECT signed FROM certificates WHERE id = :id")
                            .bind("id", id)
                            .mapTo(String.class)
                            .findOne())
                .orElseThrow(
                    () -> new AssertionError("certificate " + id + " was answered but not stored"));
        assertThat(SignedCertificate.fromJsonText(stored)).contains(signed);
      }
      List<Map<String, Object>> counts =
          db.read(
              h ->
                  h.createQuery(
                          "SELECT k.id, k.pool_used, (SELECT COUNT(*) FROM activations a"
                              + " WHERE a.key_id = k.id AND a.active = TRUE AND a.spent = TRUE) AS n"
                              + " FROM product_keys k")
                      .mapToMap()
                      .list());
      for (Map<String, Object> row : counts) {
        assertThat(((Number) row.get("pool_used")).longValue())
            .as("pool_used of " + row.get("id"))
            .isEqualTo(((Number) row.get("n")).longValue());
      }
      try (Harness h = Harness.attach(again)) {
        JsonNode verify = h.admin("GET", "/v1/admin/audit/verify", null).json();
        assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("entries").asInt()).isGreaterThan(1);
      }
    }
    String stderr = Files.readString(root.resolve("authority-stderr.txt"));
    assertThat(stderr).doesNotContain("\tat ");
  }
}
