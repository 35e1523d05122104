package dev.keyward.lab.run;

import dev.keyward.lab.scenario.DnsRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lab's DNS: the SRV records of the scenario's {@code dns:} and those the volume hosts publish
 * ({@code volume-host start --publish DOMAIN}), and an address for every machine. Each lab machine
 * asks its own {@link DnsView} (its {@code KEYWARD_DNS}), so that a machine cut off from a host
 * ({@code {network: M, cut: H}}) is told an address where nothing listens, while the others still
 * reach it.
 *
 * <p>Every machine gets its own loopback address ({@code 127.a.b.n}, {@code a.b} drawn per run), so
 * that each volume host listens on the port the records say (1688), as on a real network.
 */
final class LabDns implements AutoCloseable {
  private final List<DnsRecord> records = new CopyOnWriteArrayList<>();
  private final Map<String, InetAddress> addresses = new ConcurrentHashMap<>();
  private final Map<String, LabMachine> machines;
  private final Map<String, DnsView> views = new ConcurrentHashMap<>();
  private final byte[] prefix = new byte[3];
  private int next = 1;

  /**
   * @param machines the lab's machines by name, as they are at each lookup
   */
  LabDns(List<DnsRecord> initial, Map<String, LabMachine> machines) {
    this.machines = machines;
    records.addAll(initial);
    Random random = new Random();
    prefix[0] = 127;
    prefix[1] = (byte) (100 + random.nextInt(150));
    prefix[2] = (byte) (1 + random.nextInt(250));
  }

  /** Adds a record, as a host's dynamic update does. */
  void publish(DnsRecord record) {
    records.removeIf(
        r -> r.name().equals(record.name()) && r.target().equalsIgnoreCase(record.target()));
    records.add(record);
  }

  /** The machine's own address, drawn the first time it is asked for. */
  synchronized InetAddress address(String machine) {
    return addresses.computeIfAbsent(machine.toLowerCase(Locale.ROOT), m -> loopback(next++));
  }

  /** An address of the lab's range where nothing ever listens: where cut-off packets go. */
  InetAddress nowhere() {
    return loopback(254);
  }

  /** The DNS server machine M asks: {@code 127.0.0.1:PORT}. */
  String server(LabMachine m) {
    return "127.0.0.1:" + views.computeIfAbsent(m.name, n -> DnsView.start(this, n)).port();
  }

  /** A machine's host name: {@code name.domain}, or the name alone without a domain. */
  static String hostName(LabMachine m, String fallbackDomain) {
    return m.name + "." + m.domain.orElse(fallbackDomain);
  }

  // --- what a view answers ---------------------------------------------------------------------

  /** An SRV answer: the target's name and the address the asking machine is given for it. */
  record Srv(DnsRecord record, String targetName, Optional<InetAddress> address) {}

  List<Srv> srv(String asker, String name) {
    String wanted = normal(name);
    List<Srv> found = new ArrayList<>();
    for (DnsRecord r : records) {
      if (!r.name().equals(wanted)) {
        continue;
      }
      String domain = wanted.replaceFirst("^_[^.]+\\._[^.]+\\.", "");
      LabMachine target = r.targetsMachine() ? machines.get(r.target()) : null;
      String targetName = target != null ? hostName(target, domain) : r.target();
      found.add(new Srv(r, targetName, a(asker, targetName)));
    }
    return found;
  }

  /**
   * The address of a name as the asking machine sees it: a machine's name ({@code kms1}, or {@code
   * kms1.} followed by any domain) is that machine's address, or nowhere when the asker is cut off
   * from it.
   */
  Optional<InetAddress> a(String asker, String name) {
    String first = normal(name).split("\\.", 2)[0];
    LabMachine target = machines.get(first);
    if (target == null) {
      return Optional.empty();
    }
    LabMachine from = machines.get(asker);
    boolean cut = from != null && from.cutOff.contains(target.name);
    return Optional.of(cut ? nowhere() : address(target.name));
  }

  private static String normal(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
  }

  private InetAddress loopback(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {prefix[0], prefix[1], prefix[2], (byte) last});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    views.values().forEach(DnsView::close);
  }
}
