package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #9.8: a product key or token pasted into free text never reaches the database in clear. */
class SecretMaskingTest {
  @TempDir Path data;

  @Test
  void aKeyPastedIntoAReleaseReasonIsStoredMasked() throws Exception {
    try (Harness h = Harness.start(data)) {
      String key = h.issue("2022", "ServerStandard", "RETAIL", null);
      String pasted = h.issue("2022", "ServerStandard", "RETAIL", null);
      assertThat(h.activate(key, "2022", "ServerStandard", Machine.random()).status())
          .isEqualTo(200);
      String compact = pasted.replace("-", "").toLowerCase();
      String reason =
          "old machine dead; customer also read out "
              + compact
              + " and our token "
              + h.token
              + " on the call";
      HttpRequest release =
          HttpRequest.newBuilder(h.server.uri().resolve("/v1/admin/keys/" + key + "/release"))
              .header("Authorization", "Bearer " + h.token)
              .header("X-Keyward-Actor", "alice " + pasted)
              .POST(HttpRequest.BodyPublishers.ofString(Harness.write(Map.of("reason", reason))))
              .build();
      HttpResponse<String> answer = h.http.send(release, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

      String masked = "XXXXX-XXXXX-XXXXX-XXXXX-" + pasted.substring(pasted.length() - 5);
      JsonNode entries = h.admin("GET", "/v1/admin/audit", null).json().path("entries");
      JsonNode last = entries.get(entries.size() - 1);
      assertThat(last.path("action").asText()).isEqualTo("activations.release");
      assertThat(last.path("detail").asText())
          .contains("old machine dead; customer also read out " + masked)
          .contains("kwa_[masked]");
      assertThat(last.path("actor").asText()).isEqualTo("alice " + masked);

      String everything =
          entries.toString() + h.admin("GET", "/v1/admin/activations", null).raw().body();
      assertThat(everything)
          .doesNotContain(pasted)
          .doesNotContain(pasted.replace("-", ""))
          .doesNotContainIgnoringCase(compact)
          .doesNotContain(h.token.substring(4))
          .contains("\"releaseReason\":\"old machine dead; customer also read out " + masked);
      // In the database itself, not only in what the API shows.
      String stored =
          h.server
              .database()
              .read(
                  x ->
                      String.join(
                          "\n",
                          x.createQuery("SELECT actor || ' ' || detail FROM audit_log")
                              .mapTo(String.class)
                              .list()));
      assertThat(stored).doesNotContainIgnoringCase(compact).doesNotContain(h.token);
      assertThat(h.admin("GET", "/v1/admin/audit/verify", null).json().path("ok").asBoolean())
          .isTrue();
    }
  }

  @Test
  void anOperatorsOwnTokenIsMaskedToo() throws Exception {
    String own = "our-own-admin-secret-2026-x9";
    java.nio.file.Files.createDirectories(data);
    java.nio.file.Files.writeString(data.resolve("admin-token"), own + "\n");
    try (Harness h = Harness.start(data)) {
      assertThat(h.token).isEqualTo(own);
      String key = h.issue("2022", "ServerStandard", "RETAIL", null);
      Harness.Response r =
          h.admin(
              "POST",
              "/v1/admin/keys/" + key + "/block",
              Map.of("reason", "token " + own + " leaked in a ticket"));
      assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
      JsonNode entries = h.admin("GET", "/v1/admin/audit", null).json().path("entries");
      assertThat(entries.get(entries.size() - 1).path("detail").asText())
          .contains("token [masked token] leaked in a ticket");
      assertThat(entries.toString()).doesNotContain(own);
    }
  }
}
