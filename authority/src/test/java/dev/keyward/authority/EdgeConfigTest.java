package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.authority.http.HttpEdge;
import dev.keyward.authority.http.RateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge settings of authority.yaml, the TLS flags and environment, and their mistakes. */
class EdgeConfigTest {
  private static AuthorityConfig parse(Map<String, String> env, String... args) {
    return ((ConfigSources.Parsed.Serve) ConfigSources.parse(args, env)).config();
  }

  @Test
  void defaultsOfTheEdge() {
    HttpEdge e = parse(Map.of()).edge();
    assertThat(e.tls()).isEmpty();
    assertThat(e.insecureHttp()).isFalse();
    assertThat(e.trustedProxies()).isEmpty();
    assertThat(e.maxConnectionsPerAddress()).isEqualTo(64);
    assertThat(e.idleTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(e.minRequestBytesPerSecond()).isEqualTo(256);
    assertThat(parse(Map.of()).failuresPerAddress())
        .isEqualTo(AuthorityConfig.DEFAULT_FAILURES_PER_ADDRESS);
  }

  @Test
  void theFileSetsProxiesConnectionsTlsAndFailureLimits(@TempDir Path data) throws Exception {
    Files.writeString(data.resolve("cert.pem"), "x");
    Files.writeString(data.resolve("key.pem"), "x");
    Files.writeString(
        data.resolve("authority.yaml"),
        """
        trustedProxies: [10.0.0.5, "192.168.0.0/16", "::1"]
        connections: {maxPerAddress: 8, idleTimeoutSeconds: 20, minRequestBytesPerSecond: 100}
        tls: {cert: cert.pem, key: key.pem}
        insecureHttp: true
        rateLimits: {failuresPerAddress: {burst: 7, perSecond: 0.5}}
        """);
    AuthorityConfig c = parse(Map.of("KEYWARD_DATA", data.toString()));
    assertThat(c.edge().trustedProxies()).containsExactly("10.0.0.5", "192.168.0.0/16", "::1");
    assertThat(c.edge().maxConnectionsPerAddress()).isEqualTo(8);
    assertThat(c.edge().idleTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.edge().minRequestBytesPerSecond()).isEqualTo(100);
    assertThat(c.edge().insecureHttp()).isTrue();
    assertThat(c.edge().tls())
        .contains(
            new HttpEdge.Tls.Pem(
                data.resolve("cert.pem").toAbsolutePath(),
                data.resolve("key.pem").toAbsolutePath()));
    assertThat(c.failuresPerAddress()).isEqualTo(new RateLimit(7, 0.5));
  }

  @Test
  void everyMistakeOfTheEdgeSettingsIsListed(@TempDir Path data) throws Exception {
    Files.writeString(
        data.resolve("authority.yaml"),
        """
        trustedProxies: [proxy.example, "10.0.0.0/99"]
        connections: {maxPerAddress: -1, slow: 3}
        tls: {cert: missing.pem}
        """);
    assertThatThrownBy(() -> parse(Map.of("KEYWARD_DATA", data.toString())))
        .isInstanceOf(ConfigSources.UsageException.class)
        .hasMessageContaining("'proxy.example' is not an IP address")
        .hasMessageContaining("connections.maxPerAddress")
        .hasMessageContaining("unknown setting 'slow'")
        .hasMessageContaining("tls:");
  }

  @Test
  void tlsFromTheEnvironmentAndFlagsOverIt(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("c.pem"), "x");
    Path key = Files.writeString(dir.resolve("k.pem"), "x");
    Path p12 = Files.writeString(dir.resolve("a.p12"), "x");
    Map<String, String> env =
        Map.of(
            "KEYWARD_DATA", dir.resolve("data").toString(),
            "KEYWARD_TLS_CERT", cert.toString(),
            "KEYWARD_TLS_KEY", key.toString(),
            "KEYWARD_TLS_KEYSTORE_PASSWORD", "pw");
    assertThat(parse(env).edge().tls().get()).isInstanceOf(HttpEdge.Tls.Pem.class);
    HttpEdge.Tls flagged =
        parse(env, "--tls-keystore", p12.toString(), "--insecure-http").edge().tls().get();
    assertThat(flagged).isEqualTo(new HttpEdge.Tls.Keystore(p12.toAbsolutePath(), "pw"));
    assertThat(flagged.toString()).doesNotContain("pw");
    assertThatThrownBy(
            () -> parse(Map.of(), "--tls-keystore", p12.toString(), "--tls-cert", cert.toString()))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> parse(Map.of(), "--tls-key", dir.resolve("none.pem").toString()))
        .hasMessageContaining("--tls-cert");
  }

  @Test
  void aLoopbackBindNeedsNoTls() {
    assertThat(EdgeChecks.loopback("127.0.0.1")).isTrue();
    assertThat(EdgeChecks.loopback("::1")).isTrue();
    assertThat(EdgeChecks.loopback("[::1]")).isTrue();
    assertThat(EdgeChecks.loopback("localhost")).isTrue();
    assertThat(EdgeChecks.loopback("0.0.0.0")).isFalse();
    assertThat(EdgeChecks.loopback("192.168.1.10")).isFalse();
    assertThat(EdgeChecks.loopback("authority.example")).isFalse();
  }
}
