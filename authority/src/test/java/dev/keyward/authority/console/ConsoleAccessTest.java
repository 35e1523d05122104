package dev.keyward.authority.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.authority.http.Route;
import dev.keyward.core.time.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's access rules over plain HTTP: every page of the route table needs a session, every
 * change its CSRF token, a wrong token signs no one in, sessions end, cookies are locked down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAccessTest {
  @TempDir static Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private AuthorityServer server;

  @BeforeAll
  void start() {
    server =
        AuthorityServer.start(
            AuthorityConfig.builder()
                .dataDir(data)
                .port(0)
                .noRateLimits()
                .allowSimulatedMachines(true)
                .clock(clock)
                .build());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String issueOne(ConsoleHttp c, String csrf) {
    HttpResponse<String> r = c.issue(csrf, "RETAIL", 1, "text");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body().strip();
  }

  @Test
  void everySessionRouteOfTheTableRefusesWithoutASession() {
    List<Route> pages =
        server.routes().stream().filter(r -> r.access() == Route.Access.CONSOLE_SESSION).toList();
    assertThat(pages).hasSizeGreaterThanOrEqualTo(12);
    ConsoleHttp anonymous = new ConsoleHttp(server.uri());
    for (Route route : pages) {
      String path = route.path().replace("{key}", "pk-aaaaaaaaaaaaaaaaaaaa");
      HttpResponse<String> r =
          switch (route.method()) {
            case GET -> anonymous.get(path);
            default -> anonymous.post(path, Map.of("csrf", "x", "reason", "r"));
          };
      if (route.method().name().equals("GET")) {
        assertThat(r.statusCode()).as(route.path()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location"))
            .as(route.path())
            .hasValue("/console/sign-in"); // a first visit: no "session expired" to show
      } else {
        assertThat(r.statusCode()).as(route.path()).isEqualTo(401);
        assertThat(r.body()).as(route.path()).contains("0xC0DE0040").contains("Sign in again");
      }
    }
    // the public ones: sign-in and the assets only
    assertThat(
            server.routes().stream()
                .filter(r -> r.access() == Route.Access.CONSOLE_PUBLIC)
                .map(r -> r.method() + " " + r.path()))
        .containsExactlyInAnyOrder(
            "GET /console/sign-in", "POST /console/sign-in", "GET /console/assets/{name}");
  }

  @Test
  void aWrongTokenSignsNoOneIn_andTheCookiesAreLockedDown() {
    ConsoleHttp c = new ConsoleHttp(server.uri());
    HttpResponse<String> page = c.get("/console/sign-in");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("script-src 'self'");
    String csrf = ConsoleHttp.csrf(page.body());
    HttpResponse<String> wrong =
        c.post("/console/sign-in", Map.of("csrf", csrf, "token", "not-the-token", "name", ""));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("0xC0DE0008").contains("not valid");
    assertThat(c.cookies).doesNotContainKey("keyward_console");
    // sign-in itself carries a token: a form posted from elsewhere is refused
    ConsoleHttp forged = new ConsoleHttp(server.uri());
    HttpResponse<String> r =
        forged.post("/console/sign-in", Map.of("token", server.adminToken(), "csrf", "guess"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("0xC0DE0041");

    ConsoleHttp ok = new ConsoleHttp(server.uri());
    String token = ConsoleHttp.csrf(ok.get("/console/sign-in").body());
    HttpResponse<String> in =
        ok.post(
            "/console/sign-in", Map.of("csrf", token, "token", server.adminToken(), "name", ""));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("keyward_console=")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict")
                    .contains("Path=/console"));
    assertThat(ok.get("/console").statusCode()).isEqualTo(200);
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsRefused_andNothingChanges() {
    ConsoleHttp c = new ConsoleHttp(server.uri());
    String csrf = c.signIn(server.adminToken(), "agent.csrf");
    String key = issueOne(c, csrf);
    HttpResponse<String> without =
        c.post("/console/keys/" + key + "/block", Map.of("reason", "forged"));
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(without.body()).contains("0xC0DE0041").contains("KW_E_CONSOLE_CSRF_REFUSED");
    HttpResponse<String> wrong =
        c.post("/console/keys/" + key + "/block", Map.of("reason", "forged", "csrf", "abc"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(c.get("/console/keys/" + key).body()).contains("Active").doesNotContain(">Blocked<");
    // with it, the same change is made
    HttpResponse<String> with =
        c.post("/console/keys/" + key + "/block", Map.of("reason", "real", "csrf", csrf));
    assertThat(with.statusCode()).isEqualTo(303);
    assertThat(c.get("/console/keys/" + key).body()).contains(">Blocked<");
  }

  @Test
  void everyChangeOfTheTableWithoutTheCsrfTokenIsRefused() {
    ConsoleHttp c = new ConsoleHttp(server.uri());
    String csrf = c.signIn(server.adminToken(), "agent.forms");
    String key = issueOne(c, csrf);
    List<Route> changes =
        server.routes().stream()
            .filter(r -> r.access() == Route.Access.CONSOLE_SESSION)
            .filter(r -> !r.method().name().equals("GET"))
            .toList();
    assertThat(changes).hasSizeGreaterThanOrEqualTo(9);
    for (Route route : changes) {
      String path = route.path().replace("{key}", key);
      HttpResponse<String> r =
          c.post(path, Map.of("reason", "forged", "version", "2019", "by", "1", "count", "1"));
      assertThat(r.statusCode()).as(route.path()).isEqualTo(403);
      assertThat(r.body()).as(route.path()).contains("0xC0DE0041");
    }
    // nothing was done: the key is as issued, the session still open, no new audit entry by it
    assertThat(c.get("/console/keys/" + key).body()).contains(">Active<");
    String audit = c.get("/console/audit?actor=agent.forms").body();
    assertThat(audit.split("<td>console:agent.forms</td>", -1)).as(audit).hasSize(2);
    assertThat(audit).doesNotContain("forged");
    assertThat(c.get("/console").statusCode()).isEqualTo(200);
  }

  @Test
  void aSessionEndsWhenIdle_andAtSignOut() {
    ConsoleHttp c = new ConsoleHttp(server.uri());
    String csrf = c.signIn(server.adminToken(), "agent.idle");
    clock.advance(ConsoleSessions.IDLE.minusMinutes(1));
    assertThat(c.get("/console/audit").statusCode()).isEqualTo(200);
    clock.advance(ConsoleSessions.IDLE);
    HttpResponse<String> expired = c.get("/console/audit");
    assertThat(expired.statusCode()).isEqualTo(303);
    assertThat(expired.headers().firstValue("Location")).hasValue("/console/sign-in?expired=1");
    assertThat(c.get("/console/sign-in?expired=1").body()).contains("0xC0DE0040");
    HttpResponse<String> change =
        c.post("/console/keys", Map.of("csrf", csrf, "version", "2022", "channel", "RETAIL"));
    assertThat(change.statusCode()).isEqualTo(401);

    String again = c.signIn(server.adminToken(), "agent.out");
    assertThat(c.post("/console/sign-out", Map.of("csrf", again)).statusCode()).isEqualTo(303);
    assertThat(c.get("/console").statusCode()).isEqualTo(303);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void aSessionEndsAfterEightHoursHoweverBusy() {
    ConsoleHttp c = new ConsoleHttp(server.uri());
    c.signIn(server.adminToken(), "agent.busy");
    Duration step = ConsoleSessions.IDLE.minusMinutes(5);
    Duration used = Duration.ZERO;
    while (used.plus(step).compareTo(ConsoleSessions.MAX_AGE) < 0) {
      clock.advance(step);
      used = used.plus(step);
      assertThat(c.get("/console/keys").statusCode()).as("after " + used).isEqualTo(200);
    }
    clock.advance(ConsoleSessions.MAX_AGE.minus(used));
    HttpResponse<String> ended = c.get("/console/keys");
    assertThat(ended.statusCode()).isEqualTo(303);
    assertThat(ended.headers().firstValue("Location")).hasValue("/console/sign-in?expired=1");
  }

  @Test
  void overTlsTheCookiesAreSecure(@TempDir Path dir) throws Exception {
    dev.keyward.authority.TestCa ca = dev.keyward.authority.TestCa.create("Console Test CA");
    Path[] files =
        ca.issue("authority").write(java.nio.file.Files.createDirectories(dir.resolve("tls")));
    try (AuthorityServer tls =
        AuthorityServer.start(
            AuthorityConfig.builder()
                .dataDir(dir.resolve("data"))
                .port(0)
                .noRateLimits()
                .edge(
                    e ->
                        e.withTls(
                            new dev.keyward.authority.http.HttpEdge.Tls.Pem(files[0], files[1])))
                .build())) {
      assertThat(tls.uri().getScheme()).isEqualTo("https");
      ConsoleHttp c = new ConsoleHttp(tls.uri(), ca.trustingContext());
      HttpResponse<String> page = c.get("/console/sign-in");
      assertThat(page.headers().allValues("Set-Cookie"))
          .anySatisfy(
              cookie -> assertThat(cookie).startsWith("keyward_sign_in=").contains("; Secure"));
      HttpResponse<String> in =
          c.post(
              "/console/sign-in",
              Map.of("csrf", ConsoleHttp.csrf(page.body()), "token", tls.adminToken(), "name", ""));
      assertThat(in.statusCode()).isEqualTo(303);
      assertThat(in.headers().allValues("Set-Cookie"))
          .anySatisfy(
              cookie ->
                  assertThat(cookie)
                      .startsWith("keyward_console=")
                      .contains("HttpOnly")
                      .contains("SameSite=Strict")
                      .contains("; Secure"));
      assertThat(c.get("/console").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void errorsShowTheirCodeMeaningAndRemedy() {
    ConsoleHttp c = new ConsoleHttp(server.uri());
    String csrf = c.signIn(server.adminToken(), "agent.errors");
    HttpResponse<String> unknown = c.get("/console/keys/pk-zzzzzzzzzzzzzzzzzzzz");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body())
        .contains(dev.keyward.core.error.ErrorCode.INVALID_PRODUCT_KEY.hex())
        .contains("Meaning:")
        .contains("Remedy:");
    HttpResponse<String> noReason =
        c.post("/console/keys/pk-zzzzzzzzzzzzzzzzzzzz/block", Map.of("csrf", csrf));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Give a reason");
  }
}
