package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.authority.http.RateLimit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags > environment > file > defaults, and clean errors from the entry point. */
class ConfigTest {
  private static AuthorityConfig parse(Map<String, String> env, String... args) {
    return ((ConfigSources.Parsed.Serve) ConfigSources.parse(args, env)).config();
  }

  @Test
  void defaults() {
    AuthorityConfig c = parse(Map.of());
    assertThat(c.dataDir()).isEqualTo(Path.of("keyward-data"));
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.bind()).isEqualTo("127.0.0.1");
    assertThat(c.jdbcUrl()).isEmpty();
    assertThat(c.catalog()).isEmpty();
    assertThat(c.allowSimulatedMachines()).isFalse();
    assertThat(c.perAddress()).isEqualTo(AuthorityConfig.DEFAULT_PER_ADDRESS);
  }

  @Test
  void flagsBeatEnvironmentBeatsFileBeatsDefaults(@TempDir Path data) throws Exception {
    Files.writeString(
        data.resolve("authority.yaml"),
        """
        port: 7001
        bind: 0.0.0.0
        catalog: /from/file.yaml
        allowSimulatedMachines: true
        rateLimits: {perAddress: {burst: 5, perSecond: 0.5}, perKey: {burst: 0}}
        maxBodyBytes: 4096
        """);
    AuthorityConfig fileOnly = parse(Map.of("KEYWARD_DATA", data.toString()));
    assertThat(fileOnly.port()).isEqualTo(7001);
    assertThat(fileOnly.bind()).isEqualTo("0.0.0.0");
    assertThat(fileOnly.catalog()).contains("/from/file.yaml");
    assertThat(fileOnly.allowSimulatedMachines()).isTrue();
    assertThat(fileOnly.perAddress()).isEqualTo(new RateLimit(5, 0.5));
    assertThat(fileOnly.perKey().enabled()).isFalse();
    assertThat(fileOnly.maxBodyBytes()).isEqualTo(4096);

    Map<String, String> env =
        Map.of(
            "KEYWARD_DATA", data.toString(),
            "KEYWARD_PORT", "7002",
            "KEYWARD_DB", "jdbc:postgresql://db/keyward",
            "KEYWARD_ALLOW_SIMULATED", "false");
    AuthorityConfig withEnv = parse(env);
    assertThat(withEnv.port()).isEqualTo(7002);
    assertThat(withEnv.jdbcUrl()).contains("jdbc:postgresql://db/keyward");
    assertThat(withEnv.allowSimulatedMachines()).isFalse();
    assertThat(withEnv.bind()).isEqualTo("0.0.0.0");

    AuthorityConfig withFlags =
        parse(
            env,
            "--port",
            "7003",
            "--bind=::1",
            "--catalog",
            "builtin:winserver",
            "--allow-simulated-machines");
    assertThat(withFlags.port()).isEqualTo(7003);
    assertThat(withFlags.bind()).isEqualTo("::1");
    assertThat(withFlags.catalog()).contains("builtin:winserver");
    assertThat(withFlags.allowSimulatedMachines()).isTrue();
    assertThat(withFlags.dataDir()).isEqualTo(data);
  }

  @Test
  void mistakesAreNamed(@TempDir Path data) throws Exception {
    assertThatThrownBy(() -> parse(Map.of(), "--prot", "1"))
        .hasMessageContaining("unknown option '--prot'");
    assertThatThrownBy(() -> parse(Map.of(), "--port", "http")).hasMessageContaining("not a port");
    assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> parse(Map.of(), "--db", "mysql://x")).hasMessageContaining("--db");
    Files.writeString(data.resolve("authority.yaml"), "port: x\ncolour: blue\n");
    assertThatThrownBy(() -> parse(Map.of(), "--data", data.toString()))
        .hasMessageContaining("port: expected a whole number")
        .hasMessageContaining("unknown setting 'colour'");
    assertThat(ConfigSources.parse(new String[] {"--help"}, Map.of()))
        .isInstanceOf(ConfigSources.Parsed.Help.class);
  }

  record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        AuthorityMain.run(
            args,
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theEntryPointFailsCleanly(@TempDir Path data) throws Exception {
    Run badFlag = run("--nope");
    assertThat(badFlag.status()).isEqualTo(2);
    assertThat(badFlag.err()).startsWith("keyward authority: unknown option");

    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Run inUse =
          run(
              "--data",
              data.resolve("a").toString(),
              "--port",
              Integer.toString(taken.getLocalPort()));
      assertThat(inUse.status()).isEqualTo(1);
      assertThat(inUse.err()).contains("is already in use").doesNotContain("\tat ");
    }

    Path catalog = data.resolve("bad.yaml");
    Files.writeString(
        catalog,
        "products:\n  - id: w\n    family: nope\n    versions: [\"2\", \"1\"]\n    editions: []\n");
    Run badCatalog = run("--data", data.resolve("b").toString(), "--catalog", catalog.toString());
    assertThat(badCatalog.status()).isEqualTo(1);
    assertThat(badCatalog.err())
        .contains("is invalid")
        .contains("family")
        .contains("versions")
        .doesNotContain("\tat ");
    assertThat(badCatalog.err().lines().count()).isGreaterThan(3);

    Run noDatabase =
        run(
            "--data",
            data.resolve("c").toString(),
            "--db",
            "jdbc:postgresql://127.0.0.1:1/keyward?user=x&password=secret");
    assertThat(noDatabase.status()).isEqualTo(1);
    assertThat(noDatabase.err())
        .contains("cannot reach the database")
        .doesNotContain("secret")
        .doesNotContain("\tat ");

    Run help = run("--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("--allow-simulated-machines");
  }

  @Test
  void theBuilderOfTheJavaEntryPoint(@TempDir Path data) {
    var clock =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);
    AuthorityConfig config =
        AuthorityConfig.builder()
            .dataDir(data)
            .port(0)
            .bind("127.0.0.1")
            .jdbcUrl(Optional.empty())
            .catalog("builtin:winserver")
            .allowSimulatedMachines(true)
            .clock(clock)
            .build();
    try (AuthorityServer server = AuthorityServer.start(config)) {
      assertThat(server.uri().toString()).startsWith("http://127.0.0.1:");
      assertThat(server.adminToken()).isEqualTo(readString(data.resolve("admin-token")).strip());
      assertThat(server.trustedKeys()).hasSize(1);
      assertThat(readString(data.resolve("authority.url")).strip())
          .isEqualTo(server.uri().toString());
      assertThat(readString(data.resolve("trust.json")))
          .contains(server.trustedKeys().get(0).ed25519());
      try (Harness h = Harness.attach(server)) {
        String key = h.issue("2022", "ServerStandard", "RETAIL", null);
        Map<String, Object> body =
            Harness.activation(key, "2022", "ServerStandard", Machine.random());
        body.put("clientTime", "2026-03-01T09:00:00Z");
        Harness.Response r = h.post("/v1/activate", body);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.json().path("certificate").path("issuedAt").asText())
            .isEqualTo("2026-03-01T10:00:00Z");
        body.put("clientTime", "2026-03-01T05:00:00Z");
        assertThat(h.post("/v1/activate", body).code()).isEqualTo("0xC004F06C");
      }
    }
    assertThat(data.resolve("authority.url")).doesNotExist();
    // A restart keeps every secret: the same token and trust list.
    try (AuthorityServer again = AuthorityServer.start(config)) {
      assertThat(again.adminToken()).isEqualTo(readString(data.resolve("admin-token")).strip());
      assertThat(again.trustedKeys()).hasSize(1);
    }
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
