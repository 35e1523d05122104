package dev.keyward.client;

import dev.keyward.core.discovery.HostPort;
import dev.keyward.core.discovery.SrvTarget;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS for volume host discovery (SPEC §11), with dnsjava: the SRV record {@code
 * _keyward._tcp.<domain>} and the addresses of its targets, asked of the configured server or the
 * system's resolver. No cache: every lookup asks the server, so a changed record is seen at once.
 */
final class VolumeDiscovery {
  static final String SERVICE = "_keyward._tcp.";
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final VolumeNetwork network;

  VolumeDiscovery(VolumeNetwork network) {
    this.network = network;
  }

  /** What the SRV lookup found. */
  sealed interface Answer {
    record Found(String name, List<SrvTarget> targets) implements Answer {}

    /** No such record (or no such domain): 0x8007232B. */
    record NoRecord(String name, String detail) implements Answer {}

    /** The DNS server did not answer usefully. */
    record Failed(String name, String detail) implements Answer {}
  }

  /** The domain to search: the machine's, else {@code /skms-domain}, else the search domain. */
  Optional<String> domain(VolumeSettings settings) {
    Optional<String> machine = network.machineDomain().get();
    if (machine.isPresent()) {
      return machine;
    }
    if (settings.domain() != null) {
      return Optional.of(settings.domain());
    }
    List<Name> search = ResolverConfig.getCurrentConfig().searchPath();
    return search.isEmpty()
        ? Optional.empty()
        : Optional.of(search.get(0).toString(true).toLowerCase(java.util.Locale.ROOT));
  }

  Answer lookup(String domain) {
    String name = SERVICE + domain;
    Lookup lookup;
    try {
      lookup = new Lookup(Name.fromString(name, Name.root), Type.SRV);
    } catch (TextParseException e) {
      return new Answer.NoRecord(name, "'" + name + "' is not a DNS name");
    }
    lookup.setResolver(resolver());
    lookup.setCache(null);
    Record[] records = lookup.run();
    return switch (lookup.getResult()) {
      case Lookup.SUCCESSFUL -> new Answer.Found(name, targets(records));
      case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND ->
          new Answer.NoRecord(name, lookup.getErrorString());
      default -> new Answer.Failed(name, lookup.getErrorString() + " (" + server() + ")");
    };
  }

  /**
   * The address to connect to for an SRV target: asked of the same DNS server (so that a lab
   * server's names resolve), else left to the system.
   */
  String address(String host) {
    if (host.matches("[0-9.]+") || host.contains(":")) {
      return host;
    }
    try {
      Lookup lookup = new Lookup(Name.fromString(host, Name.root), Type.A);
      lookup.setResolver(resolver());
      lookup.setCache(null);
      Record[] records = lookup.run();
      if (lookup.getResult() == Lookup.SUCCESSFUL && records.length > 0) {
        return ((ARecord) records[0]).getAddress().getHostAddress();
      }
    } catch (TextParseException e) {
      // fall through: the system may still know it
    }
    return host;
  }

  String server() {
    return network.dnsServer().map(HostPort::toString).orElse("the system's DNS resolver");
  }

  private Resolver resolver() {
    Resolver resolver;
    if (network.dnsServer().isPresent()) {
      HostPort dns = network.dnsServer().get();
      resolver = new SimpleResolver(new InetSocketAddress(dns.host(), dns.port()));
    } else {
      try {
        resolver = new ExtendedResolver();
      } catch (RuntimeException e) {
        resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", 53));
      }
    }
    resolver.setTimeout(TIMEOUT);
    return resolver;
  }

  private static List<SrvTarget> targets(Record[] records) {
    List<SrvTarget> targets = new ArrayList<>();
    for (Record r : records) {
      if (r instanceof SRVRecord srv && srv.getPort() > 0) {
        String host = srv.getTarget().toString(true);
        if (!host.isEmpty() && !host.equals(".")) {
          targets.add(new SrvTarget(srv.getPriority(), srv.getWeight(), srv.getPort(), host));
        }
      }
    }
    return targets;
  }
}
