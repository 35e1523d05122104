package dev.keyward.lab.scenario;

/**
 * An SRV record the lab DNS answers from the start (a top-level {@code dns:} entry), e.g. {@code
 * {name: _keyward._tcp.contoso.lan, target: kms1, port: 1688, priority: 0, weight: 100}}.
 *
 * @param name the record's owner name, {@code _service._proto.domain}
 * @param target a lab machine's name (the lab DNS gives it an address) or a DNS name
 * @param line where the record is written, for messages
 */
public record DnsRecord(String name, String target, int port, int priority, int weight, int line) {
  /** Whether the target is a lab machine, by name, rather than a DNS name. */
  public boolean targetsMachine() {
    return !target.contains(".");
  }
}
