package dev.keyward.authority.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the pages show, over plain HTTP against a real authority: the dashboard's charts and pools
 * drawn from real activations, the keys page's search and filters, unblocking with a reason, and
 * the audit log's pages, filters and chain status (intact, then tampered).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesTest {
  @TempDir static Path data;
  private AuthorityServer server;
  private ConsoleHttp c;
  private String csrf;

  @BeforeAll
  void start() {
    server =
        AuthorityServer.start(
            AuthorityConfig.builder().dataDir(data).port(0).noRateLimits().build());
    c = new ConsoleHttp(server.uri());
    csrf = c.signIn(server.adminToken(), "agent.pages");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** Issues through the keys page; answers the CSV lines of the batch (header left out). */
  private List<String[]> issue(String version, String edition, String channel, int n, int pool) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", csrf);
    form.put("version", version);
    form.put("edition", edition);
    form.put("channel", channel);
    form.put("count", Integer.toString(n));
    form.put("format", "csv");
    if (pool > 0) {
      form.put("pool", Integer.toString(pool));
    }
    HttpResponse<String> r = c.post("/console/keys", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String[] lines = r.body().split("\r\n");
    return java.util.Arrays.stream(lines).skip(1).map(l -> l.split(",")).toList();
  }

  private HttpResponse<String> phone(String key, String edition, long machine) {
    return c.phone(csrf, key, edition, machine);
  }

  private static List<String> rowsOf(String html, String tableId) {
    Matcher table =
        Pattern.compile("<table id=\"" + tableId + "\">(.*?)</table>", Pattern.DOTALL)
            .matcher(html);
    if (!table.find()) {
      return List.of();
    }
    return Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL)
        .matcher(table.group(1))
        .results()
        .map(m -> m.group(1))
        .filter(row -> row.contains("<td"))
        .toList();
  }

  @Test
  @Order(1)
  void theDashboardCountsRealActivationsByChannel_andListsThePoolsNearTheirLimit() {
    String retail = issue("2022", "ServerStandard", "RETAIL", 1, 0).get(0)[0];
    List<String[]> maks = issue("2022", "ServerStandard", "VOLUME_MAK", 2, 5);
    for (int m = 0; m < 4; m++) {
      assertThat(phone(maks.get(0)[0], "ServerStandard", 100 + m).statusCode()).isEqualTo(200);
    }
    assertThat(phone(maks.get(1)[0], "ServerStandard", 200).statusCode()).isEqualTo(200);
    assertThat(phone(retail, "ServerStandard", 300).statusCode()).isEqualTo(200);

    String page = c.get("/console").body();
    assertThat(page)
        .contains("Activations per day by channel (last 30 days): 6")
        .contains("RETAIL: 1")
        .contains("VOLUME_MAK: 5")
        .doesNotContain("OEM: ");
    // 4 of 5 (80%) is near the limit, 1 of 5 is not
    String pools = page.substring(page.indexOf("id=\"pool-h\""), page.indexOf("id=\"blk-h\""));
    assertThat(pools).contains(maks.get(0)[2]).contains("4 of 5").doesNotContain(maks.get(1)[2]);
  }

  @Test
  @Order(2)
  void oneActivationIsReleasedWithAReason_theOthersStay_andItsCountComesBack() {
    String[] issued = issue("2022", "ServerStandard", "VOLUME_MAK", 1, 3).get(0);
    String mak = issued[1];
    for (int m = 0; m < 3; m++) {
      assertThat(phone(issued[0], "ServerStandard", 700 + m).statusCode()).isEqualTo(200);
    }
    List<String> activations = rowsOf(c.get("/console/keys/" + mak).body(), "activations");
    assertThat(activations).hasSize(3);
    String one = id(activations.get(1));
    HttpResponse<String> r =
        c.post(
            "/console/keys/" + mak + "/release",
            Map.of("csrf", csrf, "activation", one, "reason", "ticket 9: server scrapped"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    String page = c.get("/console/keys/" + mak).body();
    assertThat(rowsOf(page, "activations"))
        .filteredOn(row -> row.contains(one))
        .singleElement()
        .asString()
        .contains("ticket 9: server scrapped");
    assertThat(rowsOf(page, "activations"))
        .filteredOn(row -> !row.contains(one))
        .hasSize(2)
        .allSatisfy(row -> assertThat(row).contains("Active"));
    assertThat(page).contains("Pool: 2 of 3 used");
    assertThat(rowsOf(page, "history"))
        .anySatisfy(
            row ->
                assertThat(row)
                    .contains("activations.release")
                    .contains("console:agent.pages")
                    .contains(one)
                    .contains("ticket 9: server scrapped"));
    // released already, or not this key's: refused, nothing done
    assertThat(
            c.post(
                    "/console/keys/" + mak + "/release",
                    Map.of("csrf", csrf, "activation", one, "reason", "again"))
                .body())
        .contains("released already");
    assertThat(
            c.post(
                    "/console/keys/" + mak + "/release",
                    Map.of("csrf", csrf, "activation", "act-nope", "reason", "typo"))
                .statusCode())
        .isEqualTo(400);
    assertThat(c.get("/console/keys/" + mak).body()).contains("Pool: 2 of 3 used");
  }

  private static String id(String activationRow) {
    Matcher m = Pattern.compile("<code>(act-[^<]+)</code>").matcher(activationRow);
    assertThat(m.find()).as(activationRow).isTrue();
    return m.group(1);
  }

  @Test
  @Order(3)
  void theActivationCenterNamesTheCommandsThatExist() {
    // the machine's side of phone and proxy activation, as docs/cli.md has them
    assertThat(c.get("/console/activation").body())
        .contains("keyward slmgr /dti")
        .contains("keyward slui 4")
        .contains("keyward proxy export")
        .doesNotContain("keyward proxy request");
  }

  @Test
  @Order(4)
  void keysAreFoundByPartOfTheirIdAndFilteredByEveryField() {
    List<String[]> std = issue("2022", "ServerStandard", "RETAIL", 2, 0);
    List<String[]> dc = issue("2019", "ServerDatacenter", "VOLUME_MAK", 1, 3);
    String stdId = std.get(0)[1];
    String dcId = dc.get(0)[1];
    assertThat(c.post("/console/keys/" + stdId + "/block", Map.of("csrf", csrf, "reason", "leak")))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(303);

    assertThat(rowsOf(c.get("/console/keys?q=" + stdId.substring(3, 15)).body(), "keys"))
        .singleElement()
        .asString()
        .contains(std.get(0)[2]);
    assertThat(rowsOf(c.get("/console/keys?version=2019").body(), "keys"))
        .allSatisfy(row -> assertThat(row).contains("2019"))
        .anySatisfy(row -> assertThat(row).contains(dc.get(0)[2]));
    assertThat(rowsOf(c.get("/console/keys?edition=ServerDatacenter").body(), "keys"))
        .allSatisfy(row -> assertThat(row).contains("ServerDatacenter").doesNotContain("Standard"))
        .isNotEmpty();
    assertThat(rowsOf(c.get("/console/keys?channel=VOLUME_MAK&version=2019").body(), "keys"))
        .singleElement()
        .asString()
        .contains(dc.get(0)[2]);
    assertThat(rowsOf(c.get("/console/keys?product=winserver&blocked=yes").body(), "keys"))
        .singleElement()
        .asString()
        .contains(std.get(0)[2]);
    assertThat(rowsOf(c.get("/console/keys?blocked=no").body(), "keys"))
        .isNotEmpty()
        .noneSatisfy(row -> assertThat(row).contains(std.get(0)[2]));
    assertThat(rowsOf(c.get("/console/keys?product=nope").body(), "keys")).isEmpty();

    // unblocking asks for a reason too, and the history keeps both with the actor
    assertThat(c.post("/console/keys/" + stdId + "/unblock", Map.of("csrf", csrf)).statusCode())
        .isEqualTo(400);
    assertThat(
            c.post("/console/keys/" + stdId + "/unblock", Map.of("csrf", csrf, "reason", "found"))
                .statusCode())
        .isEqualTo(303);
    String key = c.get("/console/keys/" + stdId).body();
    assertThat(key).contains(">Active<");
    // its history starts with its issue
    assertThat(rowsOf(key, "history")).last().asString().contains("keys.issue");
    assertThat(rowsOf(key, "history"))
        .anySatisfy(r -> assertThat(r).contains("keys.unblock").contains("found"))
        .anySatisfy(r -> assertThat(r).contains("keys.block").contains("leak"))
        .allSatisfy(r -> assertThat(r).contains("console:agent.pages"));
    assertThat(dcId).startsWith("pk-");
  }

  @Test
  @Order(5)
  void theAuditLogIsPagedAndFiltered_andShowsATamperedChain() {
    List<String[]> keys = issue("2022", "ServerStandard", "RETAIL", 1, 0);
    String id = keys.get(0)[1];
    for (int i = 0; i < ConsoleQueries.PAGE + 5; i++) {
      c.post(
          "/console/keys/" + id + (i % 2 == 0 ? "/block" : "/unblock"),
          Map.of("csrf", csrf, "reason", "round " + i));
    }
    String first = c.get("/console/audit?subject=" + id).body();
    List<String> page1 = rowsOf(first, "audit");
    assertThat(page1).hasSize(ConsoleQueries.PAGE).allSatisfy(r -> assertThat(r).contains(id));
    assertThat(page1.get(0)).contains("round " + (ConsoleQueries.PAGE + 4));
    Matcher older = Pattern.compile("id=\"older\" href=\"([^\"]+)\"").matcher(first);
    assertThat(older.find()).isTrue();
    List<String> page2 = rowsOf(c.get(older.group(1).replace("&amp;", "&")).body(), "audit");
    // the rest: the other 5 changes and the issue entry, none shown twice
    assertThat(page2).hasSize(6).noneMatch(page1::contains);
    assertThat(page2.get(page2.size() - 1)).contains("keys.issue");
    assertThat(rowsOf(c.get("/console/audit?action=keys.unblock&subject=" + id).body(), "audit"))
        .hasSize((ConsoleQueries.PAGE + 5) / 2)
        .allSatisfy(r -> assertThat(r).contains("keys.unblock"));
    assertThat(rowsOf(c.get("/console/audit?actor=nobody-at-all").body(), "audit")).isEmpty();
    assertThat(first).contains("Chain verified");

    // history rewritten behind the log's back: the page says where
    server.database().write(x -> x.execute("DROP TRIGGER audit_log_no_update"));
    server
        .database()
        .write(
            x ->
                x.createUpdate(
                        "UPDATE audit_log SET detail = '{\"reason\":\"nothing\"}' WHERE seq ="
                            + " (SELECT MIN(seq) FROM audit_log WHERE action = 'keys.block')")
                    .execute());
    String tampered = c.get("/console/audit").body();
    assertThat(tampered)
        .contains("class=\"problem\"")
        .contains("0xC0DE0021 KW_E_AUDIT_LOG_TAMPERED at entry")
        .doesNotContain("Chain verified");
  }
}
