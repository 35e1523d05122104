package dev.keyward.core.vmhost;

import dev.keyward.core.discovery.HostPort;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host-only channel a guest reaches its host agent on (SPEC §12), standing in for the
 * hypervisor's data exchange: a Unix domain socket ({@code unix:/run/keyward/vm-host.sock}) or a
 * loopback TCP port ({@code 127.0.0.1:PORT}), as the guest's machine file names it ({@code
 * vmHost:}) and {@code keyward vm-host serve --listen} takes it.
 */
public sealed interface VmHostChannel {
  record Unix(Path path) implements VmHostChannel {
    @Override
    public String toString() {
      return "unix:" + path;
    }
  }

  /** A TCP channel; port 0 only where an agent is told to listen on any free port. */
  record Tcp(String host, int port) implements VmHostChannel {
    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  /** Reads {@code unix:/PATH} or {@code HOST:PORT}; empty (with nothing thrown) otherwise. */
  static Optional<VmHostChannel> parse(String typed) {
    if (typed == null || typed.isBlank() || typed.length() > 1024) {
      return Optional.empty();
    }
    String t = typed.strip();
    if (t.startsWith("unix:")) {
      String path = t.substring("unix:".length());
      if (path.isBlank() || path.indexOf('\0') >= 0) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Unix(Path.of(path)));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    if (!t.contains(":")) {
      return Optional.empty();
    }
    boolean anyPort = t.endsWith(":0");
    String typedPort = anyPort ? t.substring(0, t.length() - 1) + "1" : t;
    try {
      return HostPort.parse(typedPort, 0) instanceof HostPort.Parse.Parsed p
          ? Optional.of(new Tcp(p.value().host(), anyPort ? 0 : p.value().port()))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // no port: HOST:PORT it must be
    }
  }
}
