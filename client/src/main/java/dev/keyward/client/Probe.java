package dev.keyward.client;

import dev.keyward.core.diagnose.Reachability;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Whether a server answers: one TCP connection, closed at once, nothing sent (diagnose asks nothing
 * of the servers it checks, so it cannot change or spend anything there).
 */
final class Probe {
  private static final int TIMEOUT_MILLIS = 2_000;

  private Probe() {}

  /** The activation authority this client is configured for. */
  static Reachability authority(ClientContext client) {
    URI uri;
    try {
      uri = client.connection().base();
    } catch (KeywardException e) {
      return Reachability.failed("(none)", "no activation authority is configured");
    }
    int port =
        uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    String host = uri.getHost() == null ? "" : uri.getHost();
    return tcp(uri.toString(), host, port);
  }

  /** {@code host:port} connected to at {@code address} (DNS already asked). */
  static Reachability tcp(String shown, String address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), TIMEOUT_MILLIS);
      return Reachability.reached(shown);
    } catch (UnknownHostException e) {
      return Reachability.failed(shown, "no address for " + address);
    } catch (IOException | IllegalArgumentException e) {
      return Reachability.failed(shown, "no connection to port " + port);
    }
  }
}
