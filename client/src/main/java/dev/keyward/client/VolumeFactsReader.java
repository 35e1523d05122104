package dev.keyward.client;

import dev.keyward.core.diagnose.Reachability;
import dev.keyward.core.diagnose.VolumeFacts;
import dev.keyward.core.diagnose.VolumeFacts.SrvAnswer;
import dev.keyward.core.discovery.HostPort;
import dev.keyward.core.discovery.SrvTarget;
import dev.keyward.core.error.ErrorCatalogue;
import dev.keyward.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A volume client's facts for diagnose: the registered host, the SRV answer for its domain (asked
 * now, even beside a registered host, so that the host DNS names can be suggested), whether each
 * host answers, and the last count and result the client kept. Reads and connects; writes nothing.
 */
final class VolumeFactsReader {
  private final ClientContext client;
  private final VolumeDiscovery discovery;

  VolumeFactsReader(ClientContext client) {
    this.client = client;
    this.discovery = new VolumeDiscovery(client.volumeNetwork());
  }

  Optional<VolumeFacts> read(Session s, LicenseInfo info) {
    if (!VolumeClientLicense.applies(s.state())) {
      return Optional.empty();
    }
    VolumeSettings settings = s.state().volume();
    Optional<String> registered = Optional.ofNullable(settings.host());
    List<String> hosts = new ArrayList<>();
    registered.flatMap(VolumeFactsReader::parse).map(HostPort::toString).ifPresent(hosts::add);
    Optional<String> domain = discovery.domain(settings);
    Optional<String> srvName = domain.map(d -> VolumeDiscovery.SERVICE + d);
    SrvAnswer srv;
    if (domain.isEmpty()) {
      srv =
          new SrvAnswer.NotAsked(
              "this machine has no DNS domain (machine file domain:, slmgr /skms-domain FQDN)");
    } else {
      srv =
          switch (discovery.lookup(domain.get())) {
            case VolumeDiscovery.Answer.Found found -> {
              List<String> targets =
                  found.targets().stream()
                      .sorted(
                          Comparator.comparingInt(SrvTarget::priority)
                              .thenComparing(t -> -t.weight()))
                      .map(t -> t.hostPort().toString())
                      .toList();
              targets.stream().filter(t -> !hosts.contains(t)).forEach(hosts::add);
              yield new SrvAnswer.Found(targets);
            }
            case VolumeDiscovery.Answer.NoRecord none -> new SrvAnswer.NoRecord(none.detail());
            case VolumeDiscovery.Answer.Failed failed -> new SrvAnswer.Failed(failed.detail());
          };
    }
    List<Reachability> reach = new ArrayList<>();
    for (String h : hosts) {
      parse(h)
          .ifPresent(
              hp -> reach.add(Probe.tcp(hp.toString(), discovery.address(hp.host()), hp.port())));
    }
    Optional<VolumeClientInfo> v = info.volumeClient();
    Optional<ErrorCode> lastResult =
        v.flatMap(VolumeClientInfo::lastResult)
            .filter(r -> !r.equals("0x0"))
            .flatMap(ErrorCatalogue::lookup);
    int threshold = s.product().volume() == null ? 5 : s.product().volume().threshold();
    return Optional.of(
        new VolumeFacts(
            registered,
            domain,
            srvName,
            srv,
            reach,
            v.flatMap(VolumeClientInfo::lastCount),
            lastResult,
            threshold));
  }

  private static Optional<HostPort> parse(String text) {
    return switch (HostPort.parse(text, HostPort.VOLUME_PORT)) {
      case HostPort.Parse.Parsed p -> Optional.of(p.value());
      case HostPort.Parse.Rejected r -> Optional.empty();
    };
  }
}
