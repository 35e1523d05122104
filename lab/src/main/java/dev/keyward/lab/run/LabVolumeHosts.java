package dev.keyward.lab.run;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.lab.run.Checks.Outcome;
import dev.keyward.lab.scenario.DnsRecord;
import dev.keyward.volumehost.VolumeHost;
import dev.keyward.volumehost.VolumeHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code {on: kms1, run: "volume-host start [--publish DOMAIN]"}} and {@code volume-host stop}: a
 * volume activation host (the volume-host module's {@link VolumeHost}, what {@code keyward
 * volume-host serve} runs) in this process, serving from the machine's store on the machine's lab
 * address, port 1688, on the machine's clock. {@code --publish DOMAIN} adds its SRV record {@code
 * _keyward._tcp.DOMAIN} to the lab DNS, as the host's dynamic update does on a real network.
 */
final class LabVolumeHosts implements AutoCloseable {
  static final int PORT = 1688;
  static final String SERVICE = "_keyward._tcp.";

  private final LabSession lab;
  private final Map<String, VolumeHost> running = new LinkedHashMap<>();

  LabVolumeHosts(LabSession lab) {
    this.lab = lab;
  }

  /** Whether the words are a lab host command rather than a keyward command. */
  static boolean handles(List<String> words) {
    return LabServers.handles("volume-host", words);
  }

  Outcome run(LabMachine m, List<String> words) {
    List<String> options = words.subList(2, words.size());
    return LabServers.outcome(
        () ->
            words.get(1).equalsIgnoreCase("start") ? start(m, publish(options)) : stop(m, options));
  }

  private static Optional<String> publish(List<String> options) {
    if (options.isEmpty()) {
      return Optional.empty();
    }
    if (options.size() == 2 && options.get(0).equals("--publish")) {
      return Optional.of(options.get(1).toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
    }
    throw KeywardException.of(
        ErrorCode.BAD_REQUEST,
        "the lab's volume-host start takes --publish DOMAIN only (not " + options + ")");
  }

  private String start(LabMachine m, Optional<String> domain) {
    if (running.containsKey(m.name)) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST, "a volume host already runs on " + m.name + " (stop it first)");
    }
    KeywardClient client = LabServers.client(lab, m);
    String address = lab.dns.address(m.name).getHostAddress();
    VolumeHost host;
    try {
      host =
          VolumeHost.start(
              new VolumeHost.Config(client, address, PORT, Optional.empty(), lab.clock(m)));
    } catch (VolumeHostException e) {
      throw new KeywardException(e.failure());
    }
    running.put(m.name, host);
    String name = LabDns.hostName(m, domain.orElse("lab"));
    StringBuilder text =
        new StringBuilder(
            "Keyward volume host listening on http://"
                + name
                + ":"
                + PORT
                + " ("
                + address
                + ")"
                + (host.activated() ? "" : " (not activated: answering 0xC004F041 until it is)")
                + ".\n");
    domain.ifPresent(
        d -> {
          lab.dns.publish(new DnsRecord(SERVICE + d, m.name, PORT, 0, 0, 0));
          text.append("Published ")
              .append(SERVICE)
              .append(d)
              .append(" SRV 0 0 ")
              .append(PORT)
              .append(' ')
              .append(name)
              .append(" (event 12294).\n");
        });
    return text.toString();
  }

  private String stop(LabMachine m, List<String> options) {
    if (!options.isEmpty()) {
      throw KeywardException.of(ErrorCode.BAD_REQUEST, "volume-host stop takes no options");
    }
    VolumeHost host = running.remove(m.name);
    if (host == null) {
      throw KeywardException.of(ErrorCode.BAD_REQUEST, "no volume host runs on " + m.name);
    }
    host.close();
    return "The volume host on " + m.name + " stopped.\n";
  }

  /** Each host checks its store's standing again (the lab clock may have moved past a step). */
  void refresh() {
    running.values().forEach(VolumeHost::check);
  }

  @Override
  public void close() {
    running.values().forEach(VolumeHost::close);
    running.clear();
  }
}
