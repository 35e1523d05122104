package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP edge against a network attacker (issue: streaming body limits, broken framing, slow
 * bodies, 405/415): raw sockets against a real authority, every loop bounded.
 */
class HttpEdgeTest {
  @TempDir Path data;
  Harness h;

  @BeforeEach
  void start() {
    h = Harness.start(data);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private Socket connect() throws IOException {
    URI uri = h.server.uri();
    Socket s = new Socket();
    s.setSendBufferSize(64 * 1024);
    s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
    s.setSoTimeout(20_000);
    return s;
  }

  /** The status line and headers, up to the blank line; "" when the server closed first. */
  static String head(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while (b.length() < 16_384 && (c = in.read()) >= 0) {
      b.append((char) c);
      if (b.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    return b.toString();
  }

  static int status(String head) {
    return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
  }

  @Test
  void aChunkedBodyFarOverTheLimitIsRefusedAtTheLimitNotReadWhole() throws Exception {
    long total = 64L * 1024 * 1024;
    AtomicLong written = new AtomicLong();
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /v1/activate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) ' ');
                    chunk[0] = '[';
                    byte[] size = "10000\r\n".getBytes(StandardCharsets.US_ASCII);
                    try {
                      while (written.get() < total) {
                        out.write(size);
                        out.write(chunk);
                        out.write('\r');
                        out.write('\n');
                        written.addAndGet(chunk.length);
                      }
                    } catch (IOException e) {
                      // the server closed the connection: what the test wants
                    }
                  });
      String head = head(s.getInputStream());
      long atAnswer = written.get();
      s.close(); // unblocks the writer if the server only stopped reading
      writer.join(20_000);
      assertThat(status(head)).isEqualTo(413);
      assertThat(head).containsIgnoringCase("Connection: close");
      // The server read about its 64 KiB limit; what the client got written is that plus the
      // sockets' buffers, far below the 64 MiB it meant to send.
      assertThat(atAnswer).isLessThan(16L * 1024 * 1024);
    }
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyBodyIsRead() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream()
          .write(
              ("POST /v1/activate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 2000000000\r\n\r\n{")
                  .getBytes(StandardCharsets.US_ASCII));
      String head = head(s.getInputStream());
      assertThat(status(head)).isEqualTo(413);
    }
  }

  @Test
  void brokenFramingIsA400CountedAsSuch() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream()
          .write(
              ("POST /v1/activate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(status(head(s.getInputStream()))).isEqualTo(400);
    }
    try (Socket s = connect()) {
      s.getOutputStream()
          .write(
              ("POST /v1/activate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 500\r\n\r\n{\"key\":")
                  .getBytes(StandardCharsets.US_ASCII));
      s.shutdownOutput();
      assertThat(status(head(s.getInputStream()))).isEqualTo(400);
    }
    String metrics = h.send("GET", "/metrics", null, null, null).raw().body();
    assertThat(metrics).doesNotContain("status=\"500\"");
    assertThat(metrics).containsPattern("keyward_http_requests_total\\{[^}]*status=\"400\"");
  }

  @Test
  void aWrongMethodNamesTheAllowedOnes() {
    Harness.Response r = h.send("GET", "/v1/activate", null, null, null);
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.raw().headers().firstValue("Allow")).hasValue("POST");
    assertThat(r.code()).isNotEmpty();
    Harness.Response admin = h.send("DELETE", "/v1/admin/keys/ABC", null, null, h.token);
    assertThat(admin.status()).isEqualTo(405);
    assertThat(admin.raw().headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void aBodyThatIsNotJsonIs415WithTheCatalogueFields() {
    Harness.Response r = h.send("POST", "/v1/activate", "{\"key\":\"x\"}", "text/plain", null);
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.json().path("code").asText()).startsWith("0x");
    assertThat(r.json().path("remedy").asText()).isNotBlank();
    assertThat(r.json().path("message").asText()).contains("text/plain");
    Harness.Response form =
        h.send("POST", "/v1/renew", "a=b", "application/x-www-form-urlencoded", null);
    assertThat(form.status()).isEqualTo(415);
  }

  @Test
  void plainHttpIsRefusedOnAnAddressOthersCanReach(@TempDir Path other) {
    assertThatThrownBy(() -> Harness.start(other, b -> b.bind("0.0.0.0")).close())
        .isInstanceOf(ConfigSources.UsageException.class)
        .hasMessageContaining("--tls-cert")
        .hasMessageContaining("--insecure-http");
    try (Harness open =
        Harness.start(other, b -> b.bind("0.0.0.0").edge(e -> e.withInsecureHttp(true)))) {
      assertThat(open.send("GET", "/healthz", null, null, null).status()).isEqualTo(200);
    }
  }

  @Test
  void oneAddressHoldsAtMostItsCapAndClosedConnectionsFreeTheirPlace(@TempDir Path other)
      throws Exception {
    try (Harness capped =
            Harness.start(other, b -> b.edge(e -> e.withMaxConnectionsPerAddress(4)));
        Sockets held = new Sockets()) {
      URI uri = capped.server.uri();
      // Many short connections one after the other: each frees its place when it closes.
      for (int i = 0; i < 40; i++) {
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
          s.setSoTimeout(10_000);
          s.getOutputStream()
              .write(
                  "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII));
          assertThat(status(head(s.getInputStream()))).as("request " + i).isEqualTo(200);
        }
      }
      for (int i = 0; i < 4; i++) {
        Socket s = new Socket(uri.getHost(), uri.getPort());
        s.setSoTimeout(10_000);
        held.all.add(s);
        s.getOutputStream()
            .write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(status(head(s.getInputStream()))).isEqualTo(200); // kept alive, still open
      }
      try (Socket fifth = new Socket(uri.getHost(), uri.getPort())) {
        fifth.setSoTimeout(10_000);
        try {
          fifth
              .getOutputStream()
              .write(
                  "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          assertThat(head(fifth.getInputStream())).isEmpty(); // closed at once
        } catch (IOException e) {
          // reset: closed at once as well
        }
      }
    }
  }

  /** Sockets a test opened, closed however it ends. */
  static final class Sockets implements AutoCloseable {
    final List<Socket> all = new ArrayList<>();

    @Override
    public void close() {
      for (Socket s : all) {
        try {
          s.close();
        } catch (IOException e) {
          // closing
        }
      }
    }
  }
}
