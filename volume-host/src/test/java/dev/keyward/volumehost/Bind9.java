package dev.keyward.volumehost;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real BIND 9 {@code named} on a loopback port, started by the test: one primary zone whose
 * records a TSIG key (made by {@code tsig-keygen}) may update. Without BIND the tests are skipped,
 * unless {@code KEYWARD_DNS_TESTS=require} (CI), when they fail.
 */
final class Bind9 implements AutoCloseable {
  static final String ZONE = "volume.test";
  static final String KEY_NAME = "keyward-update";

  final Path dir;
  final int port;
  final Path keyFile;
  private final Process named;

  private Bind9(Path dir, int port, Path keyFile, Process named) {
    this.dir = dir;
    this.port = port;
    this.keyFile = keyFile;
    this.named = named;
  }

  static Path executable(String name, String... places) {
    for (String place : places) {
      Path p = Path.of(place, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    String message = name + " (Debian packages bind9, bind9-utils) is not installed";
    if ("require".equals(System.getenv("KEYWARD_DNS_TESTS"))) {
      fail(message + ", and KEYWARD_DNS_TESTS=require");
    }
    Assumptions.abort(message + ": skipped");
    throw new IllegalStateException("unreachable");
  }

  /** A TSIG key file as {@code tsig-keygen} writes it. */
  static Path keygen(Path file, String name) throws IOException, InterruptedException {
    Path tsigKeygen = executable("tsig-keygen", "/usr/sbin", "/usr/bin", "/usr/local/sbin");
    Process p =
        new ProcessBuilder(tsigKeygen.toString(), "-a", "hmac-sha256", name)
            .redirectOutput(file.toFile())
            .redirectErrorStream(false)
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("tsig-keygen failed");
    }
    return file;
  }

  static Bind9 start(Path dir) throws Exception {
    Path named = executable("named", "/usr/sbin", "/usr/local/sbin");
    Path key = keygen(dir.resolve("update.key"), KEY_NAME);
    int port = freePort();
    Files.writeString(
        dir.resolve(ZONE + ".zone"),
        """
        $TTL 300
        @ IN SOA ns.volume.test. admin.volume.test. 1 3600 600 86400 300
        @ IN NS ns.volume.test.
        ns IN A 127.0.0.1
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("named.conf"),
        """
        options {
          directory "%1$s";
          pid-file "%1$s/named.pid";
          session-keyfile "%1$s/session.key";
          managed-keys-directory "%1$s";
          listen-on port %2$d { 127.0.0.1; };
          listen-on-v6 { none; };
          recursion no;
          dnssec-validation no;
          allow-query { any; };
        };
        controls { };
        include "%3$s";
        zone "%4$s" {
          type primary;
          file "%1$s/%4$s.zone";
          update-policy { grant %5$s zonesub ANY; };
        };
        """
            .formatted(dir, port, key, ZONE, KEY_NAME),
        StandardCharsets.UTF_8);
    List<String> command =
        new ArrayList<>(
            List.of(named.toString(), "-g", "-c", dir.resolve("named.conf").toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "root"));
    }
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("named.log").toFile())
            .start();
    Bind9 bind = new Bind9(dir, port, key, process);
    bind.awaitServing();
    return bind;
  }

  private void awaitServing() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!named.isAlive()) {
        throw new IOException("named stopped: " + Files.readString(dir.resolve("named.log")));
      }
      try {
        Message answer = query(Name.fromString(ZONE + "."), Type.SOA);
        if (answer.getRcode() == Rcode.NOERROR && answer.getSection(Section.ANSWER).size() == 1) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      named.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new IOException(
        "named did not answer within 30 s: " + Files.readString(dir.resolve("named.log")));
  }

  Message query(Name name, int type) throws IOException {
    SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
    resolver.setPort(port);
    resolver.setTCP(true);
    resolver.setTimeout(Duration.ofSeconds(5));
    return resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
  }

  List<Record> records(String name, int type) throws IOException {
    return query(Name.fromString(name), type).getSection(Section.ANSWER);
  }

  private static int freePort() throws IOException {
    for (int i = 0; i < 50; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException e) {
          // the UDP port is taken: another one
        }
      }
    }
    throw new IOException("no free loopback port for named");
  }

  @Override
  public void close() throws InterruptedException {
    named.destroy();
    if (!named.waitFor(20, TimeUnit.SECONDS)) {
      named.destroyForcibly();
      named.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
