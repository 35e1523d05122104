package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.core.protocol.ActivateRequest;
import dev.keyward.core.protocol.AdminPhoneAnswer;
import dev.keyward.core.protocol.AdminPhoneRequest;
import dev.keyward.core.protocol.CertificateAnswer;
import dev.keyward.core.protocol.DeactivateAnswer;
import dev.keyward.core.protocol.DeactivateRequest;
import dev.keyward.core.protocol.PhoneAnswer;
import dev.keyward.core.protocol.PhoneRequest;
import dev.keyward.core.protocol.ProxyAnswerRequest;
import dev.keyward.core.protocol.RenewRequest;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
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

  /**
   * The bodies of the client routes are the wire records: the described properties are the record's
   * components, and a request's required ones are those that are neither Optional nor a flag. A
   * field added to a record and not to openapi.json (or the reverse) fails here.
   */
  @Test
  void clientBodiesAreTheWireRecords(@TempDir Path data) {
    Map<String, List<Class<?>>> bodies = new LinkedHashMap<>();
    bodies.put("/v1/activate", List.of(ActivateRequest.class, CertificateAnswer.class));
    bodies.put("/v1/deactivate", List.of(DeactivateRequest.class, DeactivateAnswer.class));
    bodies.put("/v1/renew", List.of(RenewRequest.class, CertificateAnswer.class));
    bodies.put("/v1/phone", List.of(PhoneRequest.class, PhoneAnswer.class));
    bodies.put("/v1/admin/phone", List.of(AdminPhoneRequest.class, AdminPhoneAnswer.class));
    bodies.put("/v1/admin/proxy", List.of(ProxyAnswerRequest.class));
    try (Harness h = Harness.start(data)) {
      JsonNode doc = h.send("GET", "/openapi.json", null, null, null).json();
      bodies.forEach(
          (path, records) -> {
            JsonNode op = doc.path("paths").path(path).path("post");
            JsonNode request =
                schema(doc, op.path("requestBody").path("content").path("application/json"));
            Class<?> requestRecord = records.get(0);
            assertThat(names(request.path("properties").fieldNames()))
                .as(path + " request properties")
                .isEqualTo(components(requestRecord, c -> true));
            assertThat(names(request.path("required").elements(), JsonNode::asText))
                .as(path + " required request properties")
                .isEqualTo(
                    components(
                        requestRecord,
                        c -> c.getType() != Optional.class && c.getType() != boolean.class));
            if (records.size() > 1) {
              JsonNode answer =
                  schema(
                      doc,
                      op.path("responses").path("200").path("content").path("application/json"));
              assertThat(names(answer.path("properties").fieldNames()))
                  .as(path + " answer properties")
                  .isEqualTo(components(records.get(1), c -> true));
            }
          });
    }
  }

  private static JsonNode schema(JsonNode doc, JsonNode content) {
    String ref = content.path("schema").path("$ref").asText();
    assertThat(ref).startsWith("#/components/schemas/");
    return doc.path("components")
        .path("schemas")
        .path(ref.substring("#/components/schemas/".length()));
  }

  private static Set<String> names(Iterator<String> names) {
    return names(names, s -> s);
  }

  private static <T> Set<String> names(Iterator<T> items, Function<T, String> name) {
    Set<String> out = new TreeSet<>();
    items.forEachRemaining(i -> out.add(name.apply(i)));
    return out;
  }

  private static Set<String> components(Class<?> record, Predicate<RecordComponent> which) {
    return Arrays.stream(record.getRecordComponents())
        .filter(which)
        .map(RecordComponent::getName)
        .collect(Collectors.toCollection(TreeSet::new));
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
