package dev.keyward.core.discovery;

import java.util.Objects;

/**
 * One SRV record's target (RFC 2782): {@code _keyward._tcp.contoso.lan SRV priority weight port
 * host}.
 *
 * @param priority lower is tried first (0 to 65535)
 * @param weight among equal priorities, the share of first tries (0 to 65535; 0 = rarely)
 * @param port the host's port
 * @param host the target name, without the trailing dot
 */
public record SrvTarget(int priority, int weight, int port, String host) {
  public SrvTarget {
    Objects.requireNonNull(host, "host");
    if (priority < 0 || priority > 65535 || weight < 0 || weight > 65535) {
      throw new IllegalArgumentException("priority and weight are 16-bit numbers");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
  }

  public HostPort hostPort() {
    return new HostPort(host, port);
  }
}
