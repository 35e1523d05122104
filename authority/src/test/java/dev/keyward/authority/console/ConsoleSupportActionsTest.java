package dev.keyward.authority.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key page's support actions and the proxy upload over HTTP: the same services as the admin
 * API, each change in the audit log with the console actor and the reason.
 */
class ConsoleSupportActionsTest {
  @TempDir Path data;

  @Test
  void extendReleaseDowngradeAndProxyUpload() {
    try (AuthorityServer server =
        AuthorityServer.start(
            AuthorityConfig.builder().dataDir(data).port(0).noRateLimits().build())) {
      ConsoleHttp c = new ConsoleHttp(server.uri());
      String csrf = c.signIn(server.adminToken(), "agent.lee");
      HttpResponse<String> issued = c.issueMak(csrf, 2, 5);
      assertThat(issued.statusCode()).isEqualTo(200);
      assertThat(issued.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"keys.csv\"");
      String[] lines = issued.body().split("\r\n");
      assertThat(lines).hasSize(3);
      assertThat(lines[0]).isEqualTo("key,id,partialKey,product,version,edition,channel,poolSize");
      String id = lines[1].split(",")[1];
      assertThat(lines[1]).endsWith(",VOLUME_MAK,5");

      HttpResponse<String> extended =
          c.post(
              "/console/keys/" + id + "/extend",
              Map.of("csrf", csrf, "by", "3", "reason", "contract 77 amended"));
      assertThat(extended.statusCode()).isEqualTo(303);
      String page = c.get("/console/keys/" + id + "?done=extend").body();
      assertThat(page)
          .contains("The pool is extended")
          .contains("0 of 8 used")
          .contains("mak.extend");
      assertThat(
              c.post("/console/keys/" + id + "/release", Map.of("csrf", csrf, "reason", "moved"))
                  .statusCode())
          .isEqualTo(303);
      HttpResponse<String> downgrade =
          c.post(
              "/console/keys/" + id + "/downgrade",
              Map.of("csrf", csrf, "version", "2019", "reason", "old hardware"));
      assertThat(downgrade.statusCode()).isEqualTo(200);
      assertThat(downgrade.body()).containsPattern("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}");
      // the key's page lists its downgrade key, which links back to it
      java.util.regex.Matcher dg =
          java.util.regex.Pattern.compile("<code class=\"key\">[A-Z0-9-]+-([A-Z0-9]{5})</code>")
              .matcher(downgrade.body());
      assertThat(dg.find()).as(downgrade.body()).isTrue();
      String keyPage = c.get("/console/keys/" + id).body();
      assertThat(keyPage.substring(keyPage.indexOf("id=\"dg-h\"")))
          .contains(dg.group(1) + "</a> for 2019");
      String audit = c.get("/console/audit?actor=agent.lee").body();
      assertThat(audit)
          .contains("keys.issue")
          .contains("mak.extend")
          .contains("contract 77 amended")
          .contains("activations.release")
          .contains("keys.downgrade")
          .contains("old hardware")
          .contains("console:agent.lee");

      // a proxy file that is not one: the catalogue's code, meaning and remedy on the page
      HttpResponse<String> bad =
          c.upload(
              "/console/activation/proxy",
              Map.of("csrf", csrf, "reason", "site 12"),
              "request",
              "site.request.json",
              "{\"format\":\"something else\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("class=\"code\">0x").contains("Remedy:");
      // without the CSRF token the upload is refused like any change
      HttpResponse<String> forged =
          c.upload(
              "/console/activation/proxy",
              Map.of("reason", "site 12"),
              "request",
              "site.request.json",
              "{}");
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(forged.body()).contains("0xC0DE0041");
    }
  }
}
