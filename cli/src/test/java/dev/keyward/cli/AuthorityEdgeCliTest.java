package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.authority.TestCa;
import dev.keyward.authority.http.HttpEdge;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client side of the HTTP edge from the command line: an https authority whose CA is given with
 * --ca-file, the same without it (a clear error, no stack trace), and a hung authority (a progress
 * line, then a timeout error).
 */
class AuthorityEdgeCliTest {
  @TempDir Path dir;

  private CliRunner cli(Map<String, String> env) {
    return new CliRunner(dir, env, Clock.systemUTC());
  }

  @Test
  void anHttpsAuthorityIsTrustedThroughTheCaFileAndRefusedWithout() throws Exception {
    TestCa ca = TestCa.create("Keyward Test CA");
    Path tls = Files.createDirectories(dir.resolve("tls"));
    Path[] files = ca.issue("authority").write(tls);
    Path caFile = ca.writeCertificate(tls.resolve("ca.pem"));
    AuthorityConfig config =
        AuthorityConfig.builder()
            .dataDir(dir.resolve("data"))
            .port(0)
            .edge(HttpEdge.DEFAULT.withTls(new HttpEdge.Tls.Pem(files[0], files[1])))
            .build();
    try (AuthorityServer server = AuthorityServer.start(config)) {
      String url = server.uri().toString();
      assertThat(url).startsWith("https://");
      List<String> common =
          List.of("admin", "--authority", url, "--token", server.adminToken(), "audit", "verify");
      List<String> trusted = new ArrayList<>(List.of("--ca-file", caFile.toString()));
      trusted.addAll(common);
      CliRunner.Result ok = cli(Map.of()).run(trusted.toArray(String[]::new));
      assertThat(ok.exit()).as(ok.toString()).isZero();

      CliRunner.Result viaEnv =
          cli(Map.of("KEYWARD_CA_FILE", caFile.toString())).run(common.toArray(String[]::new));
      assertThat(viaEnv.exit()).as(viaEnv.toString()).isZero();

      CliRunner.Result refused = cli(Map.of()).run(common.toArray(String[]::new));
      assertThat(refused.exit()).as(refused.toString()).isNotZero();
      String all = refused.out() + refused.err();
      assertThat(all).contains("0x80072EFD").contains("--ca-file").doesNotContain("\tat ");
      assertThat(all).doesNotContain("Exception");
    }
  }

  @Test
  void aHungAuthorityGivesAProgressLineThenATimeout() throws Exception {
    try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    List<Socket> held = new ArrayList<>();
                    try {
                      while (held.size() < 10) {
                        held.add(hung.accept()); // accepted, never answered
                      }
                    } catch (java.io.IOException e) {
                      // closed by the test
                    }
                  });
      String url = "http://127.0.0.1:" + hung.getLocalPort();
      CliRunner.Result r =
          cli(Map.of())
              .run(
                  "--timeout", "4", "admin", "--authority", url, "--token", "t", "audit", "verify");
      acceptor.interrupt();
      assertThat(r.exit()).as(r.toString()).isNotZero();
      assertThat(r.err()).contains("Waiting for the activation authority at " + url);
      assertThat(r.out() + r.err())
          .contains("0x80072EFD")
          .contains("did not answer within 4 seconds")
          .doesNotContain("\tat ");
      CliRunner.Result bad =
          cli(Map.of("KEYWARD_TIMEOUT", "soon"))
              .run("admin", "--authority", url, "audit", "verify");
      assertThat(bad.exit()).isNotZero();
      assertThat(bad.out() + bad.err()).contains("KEYWARD_TIMEOUT");
    }
  }

  @Test
  void serveRefusesPlainHttpOffLoopbackAndHalfGivenTls() throws Exception {
    CliRunner.Result open =
        cli(Map.of()).run("authority", "serve", "--data", "d", "--port", "0", "--bind", "0.0.0.0");
    assertThat(open.exit()).as(open.toString()).isEqualTo(2);
    assertThat(open.out() + open.err())
        .contains("--tls-cert")
        .contains("--insecure-http")
        .doesNotContain("\tat ");
    Files.writeString(dir.resolve("cert.pem"), "x");
    CliRunner.Result half =
        cli(Map.of()).run("authority", "serve", "--data", "d", "--tls-cert", "cert.pem");
    assertThat(half.exit()).as(half.toString()).isEqualTo(2);
    assertThat(half.err()).contains("--tls-key");
    CliRunner.Result help = cli(Map.of()).run("authority", "serve", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--tls-cert FILE").contains("--insecure-http");
  }
}
