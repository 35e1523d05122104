package dev.keyward.volumehost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed requests against a real, activated host: never a 5xx, always problem+json with the
 * catalogue fields, and the count never changes (a bounded, seeded loop).
 */
class HostFuzzTest {
  private static final int ROUNDS = 400;
  private static final List<String> FIELDS =
      List.of("product", "version", "edition", "keyGroup", "cmid", "clientTime", "previousHostId");
  private static final List<Object> ODD_VALUES =
      List.of(
          List.of(),
          Map.of(),
          true,
          -1,
          Long.MAX_VALUE,
          "",
          " ",
          "x".repeat(600),
          "not-a-uuid",
          "2026-13-45T99:00:00Z",
          "\u0000\u202e",
          List.of(1, 2, 3));

  @Test
  void malformedRequestsAreRefusedWithoutChangingTheCount(@TempDir Path dir) throws Exception {
    try (HostSite site = new HostSite(dir)) {
      HostSite.HostMachine m = site.activatedHost("2022");
      try (VolumeHost host = HostSite.serve(m)) {
        // a count of 2 to watch
        HostSite.post(host.url(), HostSite.request("2022", 1).toJsonText());
        HostSite.post(host.url(), HostSite.request("2022", 2).toJsonText());
        assertThat(host.counts()).containsEntry("server", 2);
        Random random = new Random(20261204);
        for (int i = 0; i < ROUNDS; i++) {
          String body = malformed(random);
          HttpResponse<String> r = HostSite.post(host.url(), body);
          assertThat(r.statusCode()).as("body %s -> %s", body, r.body()).isBetween(400, 499);
          Map<String, Object> problem = Json.readObject(r.body()).orElseThrow();
          assertThat(problem).containsKeys("code", "name", "message", "remedy");
          assertThat(r.body()).doesNotContain("Exception", "\tat ");
        }
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")) {
          HttpResponse<String> r = send(host.url(), method);
          assertThat(r.statusCode()).as(method).isBetween(400, 499);
        }
        assertThat(host.counts()).containsEntry("server", 2);
      }
    }
  }

  private static HttpResponse<String> send(URI host, String method) throws Exception {
    return HostSite.HTTP.send(
        HttpRequest.newBuilder(host.resolve("/v1/volume/activate"))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A body that can never be a valid request (so that it must not count). */
  private static String malformed(Random random) {
    Map<String, Object> valid = new LinkedHashMap<>(HostSite.request("2022", 3).toJson());
    switch (random.nextInt(7)) {
      case 0 -> {
        valid.remove(FIELDS.get(random.nextInt(FIELDS.size() - 1)));
        return Json.write(valid);
      }
      case 1 -> {
        String field = FIELDS.get(random.nextInt(FIELDS.size()));
        Object odd = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
        valid.put(field, odd);
        // a key group of -1 or a non-text field is malformed; make sure something is
        if (field.equals("keyGroup") && odd instanceof Integer) {
          valid.put("cmid", "not-a-uuid");
        } else if (!(odd instanceof String) || field.equals("previousHostId")) {
          valid.put("cmid", List.of());
        }
        return Json.write(valid);
      }
      case 2 -> {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
      }
      case 3 -> {
        String text = Json.write(valid);
        return text.substring(0, random.nextInt(text.length()));
      }
      case 4 -> {
        return "[".repeat(random.nextInt(2000) + 1) + "]".repeat(random.nextInt(3));
      }
      case 5 -> {
        List<Object> list = new ArrayList<>();
        list.add(valid);
        return Json.write(list);
      }
      default -> {
        valid.put("cmid", HostSite.cmid(3).replace('-', random.nextBoolean() ? '_' : 'g'));
        return Json.write(valid);
      }
    }
  }
}
