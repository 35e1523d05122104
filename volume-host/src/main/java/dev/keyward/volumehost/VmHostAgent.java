package dev.keyward.volumehost;

import dev.keyward.client.KeywardClient;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.vmhost.VmHostChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A running host agent (SPEC §12; {@code keyward vm-host serve}): listens on a host-only channel (a
 * Unix domain socket, or a loopback TCP port) and answers each guest's one request through {@link
 * VmAgentService}. A connection is bounded in size ({@code VmWire.MAX_REQUEST}) and time ({@link
 * #READ_SECONDS}); at most {@link #MAX_CONNECTIONS} are served at once, the others wait.
 */
public final class VmHostAgent implements AutoCloseable {
  static final int READ_SECONDS = 5;
  static final int MAX_CONNECTIONS = 32;

  /**
   * @param client the host store's client (as {@code keyward slmgr} builds it)
   * @param listen where to listen: {@code unix:/PATH} or a loopback {@code HOST:PORT} (port 0: any)
   */
  public record Config(KeywardClient client, VmHostChannel listen, Clock clock) {}

  private final ServerSocketChannel server;
  private final VmHostChannel bound;
  private final VmAgentService service;
  private final HostEvents events;
  private final ScheduledExecutorService deadlines;
  private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
  private final Thread acceptor;

  private VmHostAgent(Config config) throws IOException {
    String product = config.client().status().product();
    HostFiles files = HostFiles.of(config.client().store(), product);
    this.events = new HostEvents(files.events(), config.clock());
    this.service =
        new VmAgentService(
            config.client(),
            new VmGuestRoster(config.client().store().root(), product),
            events,
            config.clock());
    this.server = open(config.listen());
    this.bound = boundChannel(config.listen(), server);
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vm-host-deadlines");
              t.setDaemon(true);
              return t;
            });
    this.acceptor = new Thread(this::acceptLoop, "vm-host-agent");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts the agent; a clear failure (channel taken, not host-only) when it cannot. */
  public static VmHostAgent start(Config config) {
    try {
      return new VmHostAgent(config);
    } catch (IOException | RuntimeException e) {
      throw new VolumeHostException(
          Failure.of(
              ErrorCode.BAD_REQUEST,
              "The host agent cannot listen on " + config.listen() + ": " + e.getMessage()));
    }
  }

  /** Where guests reach the agent (with the port chosen, when 0 was asked for). */
  public VmHostChannel channel() {
    return bound;
  }

  /** Whether the host may activate guests now, or why not (the refusal guests would get). */
  public java.util.Optional<Failure> refusal() {
    return service.hostRefusal();
  }

  private static ServerSocketChannel open(VmHostChannel listen) throws IOException {
    return switch (listen) {
      case VmHostChannel.Unix u -> {
        removeStaleSocket(u.path());
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(u.path()));
        yield s;
      }
      case VmHostChannel.Tcp t -> {
        InetAddress address = InetAddress.getByName(t.host());
        if (!address.isLoopbackAddress()) {
          throw new IOException(
              t.host() + " is not a loopback address: the channel must be host-only");
        }
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress(address, t.port()));
        yield s;
      }
    };
  }

  /** A socket file left by an agent that was killed is removed; any other file is kept. */
  private static void removeStaleSocket(Path path) throws IOException {
    if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
      Files.delete(path);
    }
  }

  private static VmHostChannel boundChannel(VmHostChannel asked, ServerSocketChannel server)
      throws IOException {
    if (asked instanceof VmHostChannel.Tcp t
        && server.getLocalAddress() instanceof InetSocketAddress local) {
      return new VmHostChannel.Tcp(t.host(), local.getPort());
    }
    return asked;
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        slots.acquire();
        SocketChannel connection = server.accept();
        Thread.ofVirtual().name("vm-host-guest").start(() -> serve(connection));
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        slots.release(); // one failed accept (a guest that went away): keep serving the others
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void serve(SocketChannel connection) {
    var deadline =
        deadlines.schedule(() -> closeQuietly(connection), READ_SECONDS, TimeUnit.SECONDS);
    try (connection) {
      service.answer(connection);
    } catch (IOException | RuntimeException e) {
      // a guest that went away or sent nothing in time: nothing was stored for it
    } finally {
      deadline.cancel(false);
      slots.release();
    }
  }

  private static void closeQuietly(SocketChannel connection) {
    try {
      connection.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    acceptor.interrupt();
    deadlines.shutdownNow();
    if (bound instanceof VmHostChannel.Unix u) {
      try {
        Files.deleteIfExists(u.path());
      } catch (IOException e) {
        // a stale socket file is removed by the next start
      }
    }
    try {
      events.close();
    } catch (IOException e) {
      // the events were written; closing the file is all that failed
    }
  }
}
