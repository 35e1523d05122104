package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.http.HttpEdge;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openssl commands of docs/security.md, run for real: a CA, then server keys in the three PEM
 * forms openssl writes (PKCS#8, PKCS#1 RSA, SEC 1 EC) and a PKCS#12 file; the authority serves
 * HTTPS with each and a client trusting the CA reaches it. Needs the openssl package (.ci/run).
 */
class OpensslTlsTest {
  @TempDir Path dir;

  private void openssl(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
  }

  private void sign(String key, String cert) throws Exception {
    openssl("req", "-new", "-key", key, "-subj", "/CN=localhost", "-out", "req.csr");
    openssl(
        "x509",
        "-req",
        "-in",
        "req.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "30",
        "-extfile",
        "ext.cnf",
        "-out",
        cert);
  }

  @Test
  void keysWrittenByOpensslServe() throws Exception {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-days",
        "30",
        "-subj",
        "/CN=Example Keyward CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem");
    Files.writeString(
        dir.resolve("ext.cnf"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
            + "extendedKeyUsage=serverAuth\n");
    openssl(
        "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");
    sign("key.pem", "cert.pem");
    openssl("genrsa", "-traditional", "-out", "rsa.key", "2048");
    sign("rsa.key", "rsa.pem");
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sec1.key");
    sign("sec1.key", "sec1.pem");
    openssl(
        "pkcs12",
        "-export",
        "-in",
        "cert.pem",
        "-inkey",
        "key.pem",
        "-name",
        "authority",
        "-passout",
        "pass:changeit",
        "-out",
        "authority.p12");
    assertThat(Files.readString(dir.resolve("rsa.key"))).startsWith("-----BEGIN RSA PRIVATE KEY");
    assertThat(Files.readString(dir.resolve("sec1.key"))).startsWith("-----BEGIN EC PRIVATE KEY");

    HttpClient trusting =
        HttpClient.newBuilder()
            .sslContext(trusting(dir.resolve("ca.pem")))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    List<HttpEdge.Tls> forms =
        List.of(
            new HttpEdge.Tls.Pem(dir.resolve("cert.pem"), dir.resolve("key.pem")),
            new HttpEdge.Tls.Pem(dir.resolve("rsa.pem"), dir.resolve("rsa.key")),
            new HttpEdge.Tls.Pem(dir.resolve("sec1.pem"), dir.resolve("sec1.key")),
            new HttpEdge.Tls.Keystore(dir.resolve("authority.p12"), "changeit"));
    int n = 0;
    for (HttpEdge.Tls tls : forms) {
      try (Harness h =
          Harness.start(dir.resolve("data-" + n++), b -> b.edge(e -> e.withTls(tls)))) {
        HttpRequest health =
            HttpRequest.newBuilder(h.server.uri().resolve("/healthz"))
                .timeout(Duration.ofSeconds(10))
                .build();
        assertThat(trusting.send(health, HttpResponse.BodyHandlers.ofString()).statusCode())
            .as(tls.toString())
            .isEqualTo(200);
      }
    }
  }

  private static SSLContext trusting(Path caPem) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(
                    Files.readString(caPem).getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
