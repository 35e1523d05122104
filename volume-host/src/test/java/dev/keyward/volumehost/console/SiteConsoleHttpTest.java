package dev.keyward.volumehost.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's guards over plain HTTP against a running volume host: every route of the table
 * without a session, changes without or with a wrong CSRF token, session expiry on the host's
 * clock, sign-out, the token file and the cookie's attributes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteConsoleHttpTest {
  ConsoleSite site;
  ConsoleHttp http;

  @BeforeAll
  void start(@TempDir Path dir) {
    site = new ConsoleSite(dir, 1);
    http = new ConsoleHttp(site.host.url());
  }

  @AfterAll
  void stop() {
    site.close();
  }

  private static void refused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).contains(code).contains("Meaning:").contains("Remedy:");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.keyward");
  }

  @Test
  void noRouteAnswersWithoutASessionButTheSignInPageAndTheAssets() {
    var routes = RouteTable.routes();
    assertThat(routes).hasSizeGreaterThan(10);
    for (Route r : routes) {
      HttpResponse<String> answer =
          r.method().equals("GET")
              ? http.get(r.path(), Optional.empty())
              : http.post(r.path(), Optional.empty(), Map.of("csrf", "x", "token", "wrong"));
      if (r.open()) {
        assertThat(answer.statusCode()).as(r.method() + " " + r.path()).isIn(200, 401);
      } else if (r.method().equals("GET")) {
        assertThat(answer.statusCode()).as(r.path()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location"))
            .as(r.path())
            .hasValue("/console/sign-in");
        assertThat(answer.body()).as(r.path()).isEmpty();
      } else {
        refused(answer, 401, "0xC0DE0049");
      }
      // a session id nobody was given is no session either
      if (!r.open() && r.method().equals("GET")) {
        assertThat(http.get(r.path(), Optional.of("forged")).statusCode()).isEqualTo(303);
      }
    }
  }

  @Test
  void aChangeWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    String cookie = http.signIn(site.token());
    for (String path : new String[] {"/console/add-machine", "/console/proxy/request"}) {
      refused(http.post(path, Optional.of(cookie), Map.of("name", "x")), 403, "0xC0DE0041");
      refused(http.post(path, Optional.of(cookie), Map.of("csrf", "guess")), 403, "0xC0DE0041");
    }
    // every change of the route table, one by one
    for (Route r : RouteTable.routes()) {
      if (r.isChange() && !r.open()) {
        refused(
            http.post(r.path(), Optional.of(cookie), Map.of("name", "x", "cmid", "y")),
            403,
            "0xC0DE0041");
      }
    }
    // another session's token is not this one's
    String other = http.signIn(site.token());
    refused(
        http.post("/console/sign-out", Optional.of(cookie), Map.of("csrf", http.csrf(other))),
        403,
        "0xC0DE0041");
    assertThat(http.get("/console/machines", Optional.of(cookie)).statusCode()).isEqualTo(200);
    assertThat(site.host.files().dir().resolve("site-machines.json")).doesNotExist();
  }

  @Test
  void aWrongTokenOpensNoSessionAndTheCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
    HttpResponse<String> wrong =
        http.post("/console/sign-in", Optional.empty(), Map.of("token", site.token() + "x"));
    refused(wrong, 401, "0xC0DE0048");
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<String> right =
        http.post("/console/sign-in", Optional.empty(), Map.of("token", site.token()));
    assertThat(right.statusCode()).isEqualTo(303);
    String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/console");
    assertThat(cookie)
        .as("plain HTTP: no Secure flag the browser would drop")
        .doesNotContain("Secure");
    Path token = site.host.consoleTokenFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token)))
        .isEqualTo("rw-------");
    assertThat(right.headers().firstValue("Location")).hasValue("/console/machines");
  }

  @Test
  void aSessionEndsAfter30IdleMinutesOnTheHostsClockAndAtSignOut() throws Exception {
    String cookie = http.signIn(site.token());
    site.clock.advance(Duration.ofMinutes(29));
    assertThat(http.get("/console/events", Optional.of(cookie)).statusCode()).isEqualTo(200);
    site.clock.advance(Duration.ofMinutes(29));
    assertThat(http.get("/console/events", Optional.of(cookie)).statusCode())
        .as("used 29 minutes ago: still open")
        .isEqualTo(200);
    site.clock.advance(Duration.ofMinutes(30));
    assertThat(http.get("/console/events", Optional.of(cookie)).statusCode()).isEqualTo(303);

    String again = http.signIn(site.token());
    HttpResponse<String> out =
        http.post("/console/sign-out", Optional.of(again), Map.of("csrf", http.csrf(again)));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Set-Cookie")).get().asString().contains("Max-Age=0");
    assertThat(http.get("/console/machines", Optional.of(again)).statusCode()).isEqualTo(303);
  }

  @Test
  void belowTheThresholdTheCountSaysSoAndTheClientWaits() throws Exception {
    String cookie = http.signIn(site.token());
    String page = http.get("/console/machines", Optional.of(cookie)).body();
    java.util.regex.Matcher server =
        java.util.regex.Pattern.compile(
                "<tr data-family=\"server\">(.*?)</tr>", java.util.regex.Pattern.DOTALL)
            .matcher(page);
    assertThat(server.find()).as(page).isTrue();
    assertThat(server.group(1))
        .contains("class=\"count\">1<")
        .contains(">" + ConsoleSite.THRESHOLD + "<")
        .contains("below: clients wait (0xC004F038)");
    assertThat(page)
        .contains("data-cmid=\"" + site.clients.get(0).status().cmid() + "\"")
        .contains("Waiting: count below threshold (0xC004F038)");
  }

  @Test
  void unknownPagesAndWrongMethodsAreClearErrorsNever500() throws Exception {
    String cookie = http.signIn(site.token());
    refused(http.get("/console/nope", Optional.of(cookie)), 404, "0xC0DE0007");
    refused(http.post("/console/machines", Optional.of(cookie), Map.of()), 405, "0xC0DE0007");
    assertThat(http.get("/console/static/console.css", Optional.empty()).statusCode())
        .isEqualTo(200);
    HttpResponse<String> page = http.get("/console/machines", Optional.of(cookie));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("default-src 'self'");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    // the volume protocol is untouched beside the console
    assertThat(http.get("/healthz", Optional.empty()).statusCode()).isEqualTo(200);
  }
}
