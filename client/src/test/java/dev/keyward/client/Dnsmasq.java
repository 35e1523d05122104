package dev.keyward.client;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real dnsmasq (Debian package dnsmasq) on a loopback port, started by a test with the records it
 * gives, in the foreground, and stopped by {@link #close()}. Missing dnsmasq fails the test in CI
 * (CI=true) and skips it elsewhere.
 */
public final class Dnsmasq implements AutoCloseable {
  private static final List<String> BINARIES = List.of("/usr/sbin/dnsmasq", "/usr/bin/dnsmasq");

  public final int port;
  private final Process process;

  private Dnsmasq(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  public static String binary() {
    for (String b : BINARIES) {
      if (Files.isExecutable(Path.of(b))) {
        return b;
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("dnsmasq is not installed (apt-get install dnsmasq; .ci/run installs it)");
    }
    assumeTrue(false, "dnsmasq is not installed");
    return null;
  }

  /**
   * Starts dnsmasq answering only from {@code options} (e.g. {@code
   * --srv-host=_keyward._tcp.contoso.lan,host1.contoso.lan,1688,0,100}); names under {@code local}
   * domains that it does not know are NXDOMAIN.
   */
  public static Dnsmasq start(Path dir, List<String> local, List<String> options)
      throws IOException {
    // a free UDP port may be taken for TCP: a few tries with other ports
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return start(dir, local, options, freePort());
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  private static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (DatagramSocket udp = new DatagramSocket(0);
          java.net.ServerSocket tcp = new java.net.ServerSocket(udp.getLocalPort())) {
        return udp.getLocalPort();
      } catch (IOException taken) {
        // next
      }
    }
    throw new IOException("no free port for dnsmasq");
  }

  private static Dnsmasq start(Path dir, List<String> local, List<String> options, int port)
      throws IOException {
    String binary = binary();
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.add("--keep-in-foreground");
    command.add("--port=" + port);
    command.add("--listen-address=127.0.0.1");
    command.add("--bind-interfaces");
    command.add("--no-resolv");
    command.add("--no-hosts");
    command.add("--no-poll");
    command.add("--conf-file=/dev/null");
    command.add("--pid-file=" + dir.resolve("dnsmasq.pid"));
    command.add("--log-facility=" + dir.resolve("dnsmasq.log"));
    if ("root".equals(System.getProperty("user.name"))) {
      command.add("--user=root");
    }
    for (String domain : local) {
      command.add("--local=/" + domain + "/");
    }
    command.addAll(options);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("dnsmasq.out").toFile())
            .start();
    Dnsmasq server = new Dnsmasq(port, process);
    server.awaitReady(dir);
    return server;
  }

  /** Asks for a name it serves until it answers: at most 100 tries over about 10 seconds. */
  private void awaitReady(Path dir) throws IOException {
    for (int i = 0; i < 100; i++) {
      if (!process.isAlive()) {
        throw new IOException(
            "dnsmasq exited: " + Files.readString(dir.resolve("dnsmasq.out")).strip());
      }
      SimpleResolver resolver = new SimpleResolver("127.0.0.1");
      resolver.setPort(port);
      resolver.setTimeout(Duration.ofMillis(100));
      try {
        // any answer will do (REFUSED too): it is listening
        resolver.send(
            Message.newQuery(
                Record.newRecord(Name.fromString("probe.invalid."), Type.A, DClass.IN)));
        return;
      } catch (IOException notYet) {
        // next try
      }
      // not listening yet (the port answers "unreachable" at once): wait a little, bounded
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    close();
    throw new IOException("dnsmasq did not answer on 127.0.0.1:" + port);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
