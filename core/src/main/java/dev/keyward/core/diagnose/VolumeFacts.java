package dev.keyward.core.diagnose;

import dev.keyward.core.error.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * What a volume client knows of its hosts (SPEC §11), looked up now.
 *
 * @param registeredHost the fixed host set with {@code /skms}
 * @param domain the domain searched for the SRV record, if the machine has one
 * @param srvName the SRV owner name asked ({@code _keyward._tcp.DOMAIN})
 * @param srv what DNS answered
 * @param hosts each candidate host (registered, then DNS's in order) and whether it answers
 * @param lastCount the count in the last host answer
 * @param lastResult the last host answer's code (empty: never asked, or granted)
 * @param threshold the product's activation threshold
 */
public record VolumeFacts(
    Optional<String> registeredHost,
    Optional<String> domain,
    Optional<String> srvName,
    SrvAnswer srv,
    List<Reachability> hosts,
    Optional<Integer> lastCount,
    Optional<ErrorCode> lastResult,
    int threshold) {
  public VolumeFacts {
    hosts = List.copyOf(hosts);
  }

  /** The DNS answer for the SRV name. */
  public sealed interface SrvAnswer {
    /** The record's targets as {@code host:port}, in RFC 2782 priority order. */
    record Found(List<String> targets) implements SrvAnswer {
      public Found {
        targets = List.copyOf(targets);
      }
    }

    /** No such record or domain (0x8007232B). */
    record NoRecord(String detail) implements SrvAnswer {}

    /** The DNS server did not answer usefully. */
    record Failed(String detail) implements SrvAnswer {}

    /** Not asked: a host is registered, or there is no domain. */
    record NotAsked(String why) implements SrvAnswer {}
  }

  public Optional<Reachability> firstReachable() {
    return hosts.stream().filter(Reachability::reachable).findFirst();
  }
}
