package dev.keyward.volumehost;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Update;

/**
 * Publishes the host in DNS by RFC 2136 dynamic update (SPEC §11): {@code _keyward._tcp.DOMAIN SRV
 * 0 0 PORT LABEL.DOMAIN.} plus the address record of {@code LABEL.DOMAIN} (the address the host
 * serves on), signed with TSIG when a key is given. Only the host's own records are touched: other
 * hosts' SRV records under the same name stay. Each attempt logs 12294 (published) or 12293
 * (failed, with the DNS answer); the host repeats it every {@link #REFRESH}.
 */
final class DnsPublisher {
  static final Duration REFRESH = Duration.ofMinutes(5);
  static final long TTL_SECONDS = 600;
  static final String SERVICE = "_keyward._tcp";

  /** What {@code --publish DOMAIN --dns-server HOST:PORT [--tsig FILE]} asked for. */
  record Target(String domain, String server, int port, Optional<TsigKeyFile> tsig) {}

  /** The outcome of the last attempt, for {@code slmgr /dlv}. */
  record State(String state, Optional<String> detail, Optional<Instant> lastPublished) {}

  private final Target target;
  private final HostEvents events;
  private final Clock clock;
  private final int port;
  private final InetAddress address;
  private final Name zone;
  private final Name srvName;
  private final Name hostName;
  private volatile State state = new State("pending", Optional.empty(), Optional.empty());

  DnsPublisher(
      Target target, String label, InetAddress address, int port, HostEvents events, Clock clock) {
    this.target = target;
    this.events = events;
    this.clock = clock;
    this.port = port;
    this.address = address;
    try {
      this.zone =
          Name.fromString(target.domain().endsWith(".") ? target.domain() : target.domain() + ".");
      this.srvName = Name.fromString(SERVICE, zone);
      this.hostName = Name.fromString(label(label), zone);
    } catch (TextParseException e) {
      throw new VolumeHostException(
          dev.keyward.core.error.Failure.of(
              dev.keyward.core.error.ErrorCode.BAD_REQUEST,
              "'" + target.domain() + "' is not a DNS domain name."));
    }
  }

  /** A host label made of the host name's first label: letters, digits and hyphens. */
  static String label(String hostName) {
    String first = hostName.split("\\.", 2)[0].toLowerCase(Locale.ROOT);
    String cleaned = first.replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
    return cleaned.isEmpty()
        ? "keyward-host"
        : cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
  }

  /** The address to publish: the bound one, or the local address that reaches the DNS server. */
  static InetAddress publishedAddress(InetAddress bound, String dnsServer, int dnsPort) {
    if (!bound.isAnyLocalAddress()) {
      return bound;
    }
    try (DatagramSocket probe = new DatagramSocket()) {
      probe.connect(new InetSocketAddress(dnsServer, dnsPort));
      return probe.getLocalAddress();
    } catch (IOException e) {
      return InetAddress.getLoopbackAddress();
    }
  }

  String srvName() {
    return srvName.toString();
  }

  String hostName() {
    return hostName.toString();
  }

  State state() {
    return state;
  }

  /** One dynamic update; logs its event and records the outcome. */
  State publish() {
    Update update = new Update(zone);
    Record srv = new SRVRecord(srvName, DClass.IN, TTL_SECONDS, 0, 0, port, hostName);
    Record addressRecord =
        address instanceof Inet4Address
            ? new ARecord(hostName, DClass.IN, TTL_SECONDS, address)
            : new AAAARecord(hostName, DClass.IN, TTL_SECONDS, address);
    update.delete(hostName, addressRecord.getType());
    update.add(addressRecord);
    update.add(srv);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("record", srvName.toString());
    details.put("target", hostName.toString());
    details.put("port", port);
    details.put("dnsServer", target.server() + ":" + target.port());
    try {
      SimpleResolver resolver =
          new SimpleResolver(new InetSocketAddress(target.server(), target.port()));
      resolver.setTCP(true);
      resolver.setTimeout(Duration.ofSeconds(5));
      target
          .tsig()
          .ifPresent(k -> resolver.setTSIGKey(new TSIG(k.algorithm(), k.name(), k.secret())));
      Message answer = resolver.send(update);
      int rcode = answer.getRcode();
      if (rcode == Rcode.NOERROR) {
        details.put("answer", "NOERROR");
        events.log(HostEvents.DNS_PUBLISHED, "DnsPublished", details);
        state = new State("published", Optional.empty(), Optional.of(clock.instant()));
        return state;
      }
      return failed(details, describe(answer));
    } catch (IOException | RuntimeException e) {
      return failed(details, "no answer: " + e.getMessage());
    }
  }

  private static String describe(Message answer) {
    String text = Rcode.string(answer.getRcode());
    if (answer.getTSIG() != null && answer.getTSIG().getError() != Rcode.NOERROR) {
      text += " (TSIG " + Rcode.TSIGstring(answer.getTSIG().getError()) + ")";
    }
    return text;
  }

  private State failed(Map<String, Object> details, String dnsAnswer) {
    details.put("answer", dnsAnswer);
    events.log(HostEvents.DNS_PUBLISH_FAILED, "DnsPublishFailed", details);
    state = new State("failed", Optional.of(dnsAnswer), state.lastPublished());
    return state;
  }
}
