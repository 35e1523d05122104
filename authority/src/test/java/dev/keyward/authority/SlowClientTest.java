package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow bodies do not starve the authority: 300 connections from ten loopback addresses sending
 * their body at 1 byte a second. The per-address cap closes what is over it at once, the minimum
 * data rate cuts off the rest, and {@code /healthz} answers all along. Bounded: about 15 seconds.
 */
class SlowClientTest {
  private static final int ADDRESSES = 10;
  private static final int PER_ADDRESS = 30;

  @Test
  void slowBodiesAreCutOffAndHealthKeepsAnswering(@TempDir Path data) throws Exception {
    try (Harness h = Harness.start(data, b -> b.edge(e -> e.withMaxConnectionsPerAddress(16)));
        HttpEdgeTest.Sockets sockets = new HttpEdgeTest.Sockets()) {
      URI uri = h.server.uri();
      for (int a = 0; a < ADDRESSES; a++) {
        for (int i = 0; i < PER_ADDRESS; i++) {
          Socket s = new Socket();
          s.bind(new InetSocketAddress("127.0.0." + (a + 2), 0));
          s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
          s.setSoTimeout(50);
          s.getOutputStream()
              .write(
                  ("POST /v1/activate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          + "Content-Length: 1000\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
          sockets.all.add(s);
        }
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest health =
          HttpRequest.newBuilder(uri.resolve("/healthz")).timeout(Duration.ofSeconds(5)).build();
      List<Integer> healthStatuses = new ArrayList<>();
      List<Socket> open = new ArrayList<>(sockets.all);
      int cutOff = 0;
      for (int second = 0; second < 15 && !open.isEmpty(); second++) {
        for (Socket s : List.copyOf(open)) {
          if (closedByServer(s)) {
            open.remove(s);
            cutOff++;
            continue;
          }
          try {
            s.getOutputStream().write(' ');
          } catch (IOException e) {
            open.remove(s);
            cutOff++;
          }
        }
        healthStatuses.add(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode());
        Thread.sleep(1_000); // the attack's pace: one byte a second per connection
      }
      assertThat(healthStatuses).isNotEmpty().containsOnly(200);
      // Every slow connection was closed by the server within the bounded time.
      assertThat(cutOff).isEqualTo(ADDRESSES * PER_ADDRESS);
      assertThat(h.send("GET", "/healthz", null, null, null).status()).isEqualTo(200);
    }
  }

  /** Whether the server answered (a 408) or closed the connection. */
  private static boolean closedByServer(Socket s) {
    try {
      InputStream in = s.getInputStream();
      return in.read() != -2; // any byte or -1: the server spoke or closed
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
