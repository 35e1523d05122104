package dev.keyward.authority.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Closes a new connection at once when its address already holds {@code max} open ones, so a single
 * client cannot take every connection and worker with slow requests. Trusted proxies carry many
 * clients and are not capped. Only network connections are counted (behind TLS the decrypted
 * connection rides on the same socket).
 */
final class ConnectionCap implements Connection.Listener {
  private final int max;
  private final ClientAddress proxies;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
  // The address each counted connection was counted under: a closed socket no longer knows it.
  private final ConcurrentHashMap<Connection, String> counted = new ConcurrentHashMap<>();

  ConnectionCap(int max, ClientAddress proxies) {
    this.max = max;
    this.proxies = proxies;
  }

  @Override
  public void onOpened(Connection connection) {
    String address = address(connection);
    if (address == null) {
      return;
    }
    counted.put(connection, address);
    int now = open.merge(address, 1, Integer::sum);
    if (now > max && !proxies.trusted(address)) {
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    String address = counted.remove(connection);
    if (address != null) {
      open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
  }

  /** Open connections of {@code address} (tests). */
  int open(String address) {
    return open.getOrDefault(address, 0);
  }

  private static String address(Connection connection) {
    if (!(connection.getEndPoint() instanceof SocketChannelEndPoint endPoint)) {
      return null;
    }
    SocketAddress remote = endPoint.getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : null;
  }
}
