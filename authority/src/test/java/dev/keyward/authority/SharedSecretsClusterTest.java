package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.authority.console.ConsoleHttp;
import dev.keyward.authority.startup.StartupException;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two authority nodes in one JVM over one PostgreSQL database, sharing their secrets through it
 * under one master key (docs/scale-out.md): keys, admin token, a MAK pool raced across both, one
 * audit chain with two writers, and a database that goes away for a moment.
 */
class SharedSecretsClusterTest {
  @TempDir Path dirA;
  @TempDir Path dirB;

  private final MasterKey master = MasterKey.random();
  private String url;
  private final List<Harness> open = new ArrayList<>();

  @BeforeEach
  void database() {
    url = Postgres.newDatabase();
  }

  @AfterEach
  void close() {
    open.forEach(Harness::close);
  }

  private Harness node(Path dir, MasterKey key) {
    Harness h = Harness.start(dir, b -> b.jdbcUrl(url).masterKey(key));
    open.add(h);
    return h;
  }

  @Test
  void nodesShareSigningKeysPhoneKeysAndTheAdminToken() throws Exception {
    Harness a = node(dirA, master);
    Harness b = node(dirB, master);
    assertThat(b.token).isEqualTo(a.token);
    assertThat(b.server.trustedPhoneKeys()).isEqualTo(a.server.trustedPhoneKeys());
    for (String secret :
        List.of("authority-tag.secret", "fingerprint.secret", "key-encryption.key")) {
      assertThat(Files.readString(dirB.resolve("secrets").resolve(secret)))
          .isEqualTo(Files.readString(dirA.resolve("secrets").resolve(secret)));
    }

    // A key issued on A is found, decrypted and activated on B; its certificate verifies with the
    // keys A publishes, and the other way round.
    String key = a.issue("2022", "ServerStandard", "RETAIL", null);
    Harness.Response onB = b.activate(key, "2022", "ServerStandard", Machine.random());
    assertThat(onB.status()).as(onB.raw().body()).isEqualTo(200);
    assertThat(verify(onB, published(a))).isInstanceOf(CertificateCheck.Valid.class);
    String mak = b.issue("2022", "ServerStandard", "VOLUME_MAK", 5);
    Harness.Response onA = a.activate(mak, "2022", "ServerStandard", Machine.random());
    assertThat(verify(onA, published(b))).isInstanceOf(CertificateCheck.Valid.class);
    // The full key, sealed by B's key-encryption key, opens on A.
    assertThat(revealed(a, mak)).isEqualTo(mak);

    // One token for both, accepted by each.
    assertThat(b.send("GET", "/v1/admin/audit/verify", null, null, a.token).status())
        .isEqualTo(200);
    assertThat(a.send("GET", "/v1/admin/audit/verify", null, null, b.token).status())
        .isEqualTo(200);
    assertThat(count("SELECT COUNT(*) FROM shared_secrets")).isEqualTo(1);
  }

  @Test
  void nodesStartingAtOnceStoreOneSetOfSecrets() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Harness> a = pool.submit(() -> node(dirA, master));
      Future<Harness> b = pool.submit(() -> node(dirB, master));
      Harness ha = a.get(2, TimeUnit.MINUTES);
      Harness hb = b.get(2, TimeUnit.MINUTES);
      assertThat(hb.server.trustedKeys()).isEqualTo(ha.server.trustedKeys());
      assertThat(hb.token).isEqualTo(ha.token);
      assertThat(count("SELECT COUNT(*) FROM shared_secrets")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSingleNodesSecretsBecomeTheSharedOnesAndAStrayCopyIsSetAside() throws Exception {
    // A node that ran alone (no master key) keeps its keys when it becomes the first of several.
    Harness alone = Harness.start(dirA, b -> b.jdbcUrl(url));
    String key = alone.issue("2022", "ServerStandard", "RETAIL", null);
    List<TrustedKey> keys = alone.server.trustedKeys();
    alone.close();
    Harness a = node(dirA, master);
    assertThat(a.server.trustedKeys()).isEqualTo(keys);
    assertThat(revealed(a, key)).isEqualTo(key);

    // A second directory with secrets of its own: they are set aside, never used or trusted.
    Harness.start(dirB, b -> {}).close(); // SQLite: makes a directory with other secrets
    Harness b = node(dirB, master);
    assertThat(b.server.trustedKeys()).isEqualTo(keys);
    try (var files = Files.list(dirB)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("secrets.replaced-"));
    }
  }

  @Test
  void aWrongOrMissingMasterKeyIsRefused() {
    node(dirA, master).close();
    assertThatThrownBy(() -> node(dirB, MasterKey.random()))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("0xC0DE0059")
        .hasMessageContaining("does not open");
    assertThatThrownBy(() -> Harness.start(dirB, b -> b.jdbcUrl(url)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("0xC0DE0059")
        .hasMessageContaining("no master key");
    assertThatThrownBy(() -> MasterKey.parse("c2hvcnQ=", "KEYWARD_MASTER_KEY"))
        .hasMessageContaining("0xC0DE0059")
        .hasMessageContaining("not 32");
  }

  /**
   * Behind a load balancer the next page may go to the other node: a console session opened on one
   * node is served by the other, and a sign-out on either ends it on both.
   */
  @Test
  void aConsoleSessionIsServedByEitherNode_andASignOutEndsItOnBoth() throws Exception {
    Harness a = node(dirA, master);
    Harness b = node(dirB, master);
    ConsoleHttp onA = new ConsoleHttp(a.server.uri());
    String csrf = onA.signIn(a.token, "agent.cluster");
    ConsoleHttp onB = new ConsoleHttp(b.server.uri());
    onB.cookies.putAll(onA.cookies);
    assertThat(onB.get("/console/audit").statusCode()).isEqualTo(200);
    // a change on B with the CSRF token of the page A served
    java.net.http.HttpResponse<String> issued = onB.issue(csrf, "RETAIL", 1, "text");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    // one session, stored by its hash: the cookie's value itself is nowhere in the database
    assertThat(count("SELECT COUNT(*) FROM console_sessions")).isEqualTo(1);
    for (String value : onA.cookies.values()) {
      assertThat(count("SELECT COUNT(*) FROM console_sessions WHERE id_hash = '" + value + "'"))
          .isZero();
    }
    assertThat(onB.post("/console/sign-out", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
    assertThat(count("SELECT COUNT(*) FROM console_sessions")).isZero();
    java.net.http.HttpResponse<String> after = onA.get("/console/audit");
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location")).hasValue("/console/sign-in?expired=1");
  }

  @Test
  void aMakPoolRacedAcrossBothNodesGrantsExactlyItsSize() throws Exception {
    Harness a = node(dirA, master);
    Harness b = node(dirB, master);
    int size = 25;
    String mak = a.issue("2022", "ServerStandard", "VOLUME_MAK", size);
    ExecutorService pool = Executors.newFixedThreadPool(24);
    List<Future<Harness.Response>> answers = new ArrayList<>();
    List<Machine> machines = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Harness node = i % 2 == 0 ? a : b;
      Machine m = Machine.random();
      machines.add(m);
      answers.add(pool.submit(() -> node.activate(mak, "2022", "ServerStandard", m)));
    }
    int granted = 0;
    for (Future<Harness.Response> f : answers) {
      Harness.Response r = f.get(2, TimeUnit.MINUTES);
      if (r.status() == 200) {
        granted++;
      } else {
        assertThat(r.code()).as(r.raw().body()).isEqualTo("0xC004C020");
      }
    }
    pool.shutdown();
    assertThat(granted).isEqualTo(size);
    assertThat(count("SELECT COUNT(*) FROM activations WHERE spent")).isEqualTo(size);
    assertThat(a.show(mak).path("poolUsed").asInt()).isEqualTo(size);
    assertThat(b.show(mak).path("poolUsed").asInt()).isEqualTo(size);
  }

  @Test
  void theAuditChainStaysOneValidChainWithTwoWriters() throws Exception {
    Harness a = node(dirA, master);
    Harness b = node(dirB, master);
    long before = count("SELECT COUNT(*) FROM audit_log");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> issued = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Harness node = i % 2 == 0 ? a : b;
      Callable<String> issue = () -> node.issue("2022", "ServerStandard", "VOLUME_MAK", 2);
      issued.add(pool.submit(issue));
      if (i % 10 == 0) {
        // Each node signs checkpoints of the one chain into its own file.
        pool.submit(() -> node.admin("GET", "/v1/admin/audit/checkpoint", null));
      }
    }
    for (Future<String> f : issued) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    long after = count("SELECT COUNT(*) FROM audit_log");
    assertThat(after - before).isGreaterThanOrEqualTo(40);
    assertThat(count("SELECT COUNT(DISTINCT seq) FROM audit_log")).isEqualTo(after);
    assertThat(count("SELECT MAX(seq) FROM audit_log")).isEqualTo(after);
    for (Harness node : List.of(a, b)) {
      JsonNode report = node.admin("GET", "/v1/admin/audit/verify", null).json();
      assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
      assertThat(report.path("entries").asLong()).isEqualTo(after);
    }
  }

  @Test
  void aDatabaseAwayForAMomentIsARetryable503AndTheRetryGetsTheSameCertificate() throws Exception {
    Harness a = node(dirA, master);
    String key = a.issue("2022", "ServerStandard", "RETAIL", null);
    Machine machine = Machine.random();
    String name = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    String adminUrl = url.replace("/" + name, "/postgres");
    try (Connection admin = DriverManager.getConnection(adminUrl);
        Statement s = admin.createStatement()) {
      s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
      s.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      try {
        Harness.Response away = a.activate(key, "2022", "ServerStandard", machine);
        assertThat(away.status()).as(away.raw().body()).isEqualTo(503);
        assertThat(away.code()).isEqualTo("0xC0DE0058");
        assertThat(away.raw().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(a.send("GET", "/healthz", null, null, null).status()).isEqualTo(503);
      } finally {
        s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
      }
    }
    // The pool replaces its broken connections by itself (a retry may still meet one it has not
    // dropped yet, and gets 503 again): the client retrying as told is granted, bounded, and a
    // further retry (a lost answer) gets the same certificate back.
    Harness.Response granted = a.activate(key, "2022", "ServerStandard", machine);
    for (int attempt = 0; attempt < 20 && granted.status() == 503; attempt++) {
      assertThat(granted.code()).isEqualTo("0xC0DE0058");
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      granted = a.activate(key, "2022", "ServerStandard", machine);
    }
    assertThat(granted.status()).as(granted.raw().body()).isEqualTo(200);
    Harness.Response again = a.activate(key, "2022", "ServerStandard", machine);
    assertThat(again.json().path("reissued").asBoolean()).isTrue();
    assertThat(again.json().path("certificate")).isEqualTo(granted.json().path("certificate"));
  }

  @Test
  void aCatalogUploadedToOneNodeIsServedByTheOther() throws Exception {
    Harness a = node(dirA, master);
    Harness b = node(dirB, master);
    var before = b.server.catalog();
    String text;
    try (var in =
        dev.keyward.core.catalog.CatalogLoader.class.getResourceAsStream("winserver.yaml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Harness.Response up = a.send("PUT", "/v1/admin/catalog", text, "text/yaml", a.token);
    assertThat(up.status()).as(up.raw().body()).isEqualTo(200);
    // B looks for a newer stored catalog every few seconds: wait for it, bounded.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (b.server.catalog() == before && System.nanoTime() < until) {
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    assertThat(b.server.catalog()).isNotSameAs(before);
    assertThat(b.server.catalog().source()).isEqualTo(a.server.catalog().source());
  }

  private static String revealed(Harness node, String key) {
    Harness.Response r = node.admin("GET", "/v1/admin/keys/" + key + "?reveal=true", null);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return r.json().path("key").asText();
  }

  private static List<TrustedKey> published(Harness node) {
    JsonNode trust = node.send("GET", "/v1/trust", null, null, null).json();
    List<TrustedKey> keys = new ArrayList<>();
    for (JsonNode k : trust.path("keys")) {
      keys.add(new TrustedKey(k.path("id").asText(), k.path("ed25519").asText()));
    }
    assertThat(keys).isNotEmpty();
    return keys;
  }

  private static CertificateCheck verify(Harness.Response r, List<TrustedKey> trusted) {
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = Harness.JSON.convertValue(r.json(), Map.class);
    SignedCertificate signed = SignedCertificate.fromJson(map).orElseThrow();
    return new CertificateVerifier(trusted).verify(signed);
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
