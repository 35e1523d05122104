package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A real authority on a random port and a real HTTP client talking to it. */
final class Harness implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final AuthorityServer server;
  final HttpClient http;
  final String token;

  private final boolean owns;

  private Harness(AuthorityServer server, boolean owns) {
    this.server = server;
    this.owns = owns;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.token = server.adminToken();
  }

  /** SQLite in {@code data}, no rate limits, simulated machines allowed unless tweaked. */
  static Harness start(Path data, Consumer<AuthorityConfig.Builder> tweak) {
    AuthorityConfig.Builder b =
        AuthorityConfig.builder().dataDir(data).port(0).noRateLimits().allowSimulatedMachines(true);
    tweak.accept(b);
    return new Harness(AuthorityServer.start(b.build()), true);
  }

  /** A client for a server started elsewhere; closing it closes nothing. */
  static Harness attach(AuthorityServer server) {
    return new Harness(server, false);
  }

  static Harness start(Path data) {
    return start(data, b -> {});
  }

  record Response(int status, JsonNode json, HttpResponse<String> raw) {
    String code() {
      return json.path("code").asText();
    }
  }

  Response send(String method, String path, String body, String contentType, String bearer) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (body != null) {
      b.header("Content-Type", contentType);
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
      } catch (IOException e) {
        json = JSON.createObjectNode();
      }
      return new Response(r.statusCode(), json, r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response post(String path, Object body) {
    return send("POST", path, write(body), "application/json", null);
  }

  Response admin(String method, String path, Object body) {
    return send(method, path, body == null ? null : write(body), "application/json", token);
  }

  static String write(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Issues one key; returns it as typed. */
  String issue(String version, String edition, String channel, Integer pool) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    if (edition != null) {
      body.put("edition", edition);
    }
    body.put("channel", channel);
    if (pool != null) {
      body.put("pool", pool);
    }
    Response r = admin("POST", "/v1/admin/keys", body);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json().path("keys").get(0).path("key").asText();
  }

  static Map<String, Object> activation(
      String key, String version, String edition, Machine machine) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("product", "winserver");
    body.put("version", version);
    body.put("edition", edition);
    body.put("components", machine.components());
    body.put("cmid", machine.cmid());
    body.put("oemMarker", null);
    body.put("simulated", false);
    body.put("clientTime", Instant.now().toString());
    return body;
  }

  Response activate(String key, String version, String edition, Machine machine) {
    return post("/v1/activate", activation(key, version, edition, machine));
  }

  Response deactivate(String key, Machine machine) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("product", "winserver");
    body.put("components", machine.components());
    body.put("cmid", machine.cmid());
    return post("/v1/deactivate", body);
  }

  JsonNode show(String key) {
    Response r = admin("GET", "/v1/admin/keys/" + key, null);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return r.json();
  }

  @Override
  public void close() {
    if (owns) {
      server.close();
    }
  }
}
