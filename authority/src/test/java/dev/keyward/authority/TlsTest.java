package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.authority.http.HttpEdge;
import dev.keyward.authority.startup.StartupException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a certificate from a CA made in the test, and the start-up checks of TLS settings. */
class TlsTest {
  @Test
  void servesHttpsThatAClientTrustingTheCaAccepts(@TempDir Path dir) throws Exception {
    TestCa ca = TestCa.create("Keyward Test CA");
    Path[] files = ca.issue("authority").write(Files.createDirectories(dir.resolve("tls")));
    try (Harness h =
        Harness.start(
            dir.resolve("data"),
            b -> b.edge(e -> e.withTls(new HttpEdge.Tls.Pem(files[0], files[1]))))) {
      assertThat(h.server.uri().getScheme()).isEqualTo("https");
      HttpClient trusting =
          HttpClient.newBuilder()
              .sslContext(ca.trustingContext())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpRequest health =
          HttpRequest.newBuilder(h.server.uri().resolve("/healthz"))
              .timeout(Duration.ofSeconds(10))
              .build();
      assertThat(trusting.send(health, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      // The JDK's default trust store does not know this CA.
      HttpClient stranger = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThatThrownBy(() -> stranger.send(health, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void aPkcs12KeystoreServesToo(@TempDir Path dir) throws Exception {
    TestCa ca = TestCa.create("Keyward Test CA");
    TestCa.Issued issued = ca.issue("authority");
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry(
        "server",
        issued.keys().getPrivate(),
        "s3cret".toCharArray(),
        new java.security.cert.Certificate[] {issued.certificate()});
    Path file = dir.resolve("authority.p12");
    try (var out = Files.newOutputStream(file)) {
      ks.store(out, "s3cret".toCharArray());
    }
    try (Harness h =
        Harness.start(
            dir.resolve("data"),
            b -> b.edge(e -> e.withTls(new HttpEdge.Tls.Keystore(file, "s3cret"))))) {
      HttpClient trusting = HttpClient.newBuilder().sslContext(ca.trustingContext()).build();
      HttpRequest health =
          HttpRequest.newBuilder(h.server.uri().resolve("/healthz"))
              .timeout(Duration.ofSeconds(10))
              .build();
      assertThat(trusting.send(health, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void badTlsSettingsAreClearStartupErrors(@TempDir Path dir) throws Exception {
    Path notPem = Files.writeString(dir.resolve("cert.pem"), "hello");
    Path data = Files.createDirectories(dir.resolve("data"));
    assertThatThrownBy(
            () ->
                ConfigSources.parse(
                    new String[] {"--data", data.toString(), "--tls-cert", notPem.toString()},
                    Map.of()))
        .isInstanceOf(ConfigSources.UsageException.class)
        .hasMessageContaining("--tls-key");
    assertThatThrownBy(
            () ->
                Harness.start(
                        data, b -> b.edge(e -> e.withTls(new HttpEdge.Tls.Pem(notPem, notPem))))
                    .close())
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("BEGIN CERTIFICATE");
    var parsed =
        ConfigSources.parse(
            new String[] {
              "--data",
              data.toString(),
              "--tls-cert",
              notPem.toString(),
              "--tls-key",
              notPem.toString(),
              "--bind",
              "0.0.0.0"
            },
            Map.of());
    assertThat(((ConfigSources.Parsed.Serve) parsed).config().edge().tls()).isPresent();
  }
}
