package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiTest {
  @Test
  void describesExactlyTheServersRoutes(@TempDir Path data) {
    try (Harness h = Harness.start(data)) {
      Harness.Response r = h.send("GET", "/openapi.json", null, null, null);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().path("openapi").asText()).isEqualTo("3.1.0");
      Set<String> described = new TreeSet<>();
      Iterator<String> paths = r.json().path("paths").fieldNames();
      while (paths.hasNext()) {
        String path = paths.next();
        Iterator<String> methods = r.json().path("paths").path(path).fieldNames();
        while (methods.hasNext()) {
          described.add(methods.next().toUpperCase() + " " + path);
        }
      }
      Set<String> served =
          h.server.routes().stream()
              .filter(route -> !route.console()) // HTML pages, not the API (docs/console.md)
              .map(route -> route.method().name() + " " + route.path())
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(described).isEqualTo(served);
      // Admin routes declare the bearer token; client routes do not.
      h.server.routes().stream()
          .filter(route -> !route.console())
          .forEach(
              route -> {
                JsonNode op =
                    r.json()
                        .path("paths")
                        .path(route.path())
                        .path(route.method().name().toLowerCase());
                assertThat(op.has("security")).as(route.path()).isEqualTo(route.admin());
              });
    }
  }

  @Test
  void operationsEndpointsAnswer(@TempDir Path data) throws Exception {
    try (Harness h = Harness.start(data)) {
      assertThat(h.send("GET", "/healthz", null, null, null).json().path("status").asText())
          .isEqualTo("ok");
      h.activate("BCDFG-HJKMP-QRTVW-XY234-6789B", "2022", "ServerStandard", Machine.random());
      Harness.Response metrics = h.send("GET", "/metrics", null, null, null);
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.raw().body())
          .contains("keyward_http_requests_total")
          .contains("keyward_activations_total")
          .contains("keyward_activation_decision_seconds")
          .contains("jvm_memory_used_bytes")
          .doesNotContain("BCDFG");
      Harness.Response trust = h.send("GET", "/v1/trust", null, null, null);
      assertThat(trust.json().path("keys").get(0).path("id").asText())
          .isEqualTo(h.server.trustedKeys().get(0).id());
      Harness.Response unknown = h.send("GET", "/nope", null, null, null);
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.code()).isEqualTo("0xC0DE0007");
      Harness.Response wrongMethod = h.send("GET", "/v1/activate", null, null, null);
      assertThat(wrongMethod.status()).isBetween(404, 405);
      assertThat(wrongMethod.code()).isEqualTo("0xC0DE0007");
      for (String bad :
          java.util.List.of(
              "GET /v1/admin/keys/%zz HTTP/1.1",
              "GET /v1/%00/x HTTP/1.1",
              "POST /v1/admin/keys/%2e%2e/block HTTP/1.1",
              "BREW /v1/activate HTTP/1.1")) {
        String answer = raw(h, bad + "\r\nHost: x\r\nConnection: close\r\n\r\n");
        int status = Integer.parseInt(answer.substring(9, 12));
        assertThat(status).as(bad + "\n" + answer).isBetween(400, 499);
        assertThat(answer).as(bad).doesNotContain("\tat ").doesNotContain("<html");
      }
      String hugeHeader =
          "GET /v1/trust HTTP/1.1\r\nHost: x\r\nX-Big: "
              + "a".repeat(20_000)
              + "\r\nConnection: close\r\n\r\n";
      String answer = raw(h, hugeHeader);
      assertThat(Integer.parseInt(answer.substring(9, 12))).isBetween(400, 499);
      assertThat(answer).contains("application/problem+json");
      Harness.Response big =
          h.send(
              "POST",
              "/v1/activate",
              "{\"key\":\"" + "x".repeat(70_000) + "\"}",
              "application/json",
              null);
      assertThat(big.status()).isEqualTo(413);
      assertThat(big.code()).isEqualTo("0xC0DE0007");
    }
  }

  private static String raw(Harness h, String request) throws java.io.IOException {
    try (java.net.Socket socket =
        new java.net.Socket(h.server.uri().getHost(), h.server.uri().getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }
}
