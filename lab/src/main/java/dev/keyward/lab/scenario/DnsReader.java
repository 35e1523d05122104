package dev.keyward.lab.scenario;

import dev.keyward.core.yaml.YamlSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The top-level {@code dns:} section: SRV records the lab DNS answers from the start, each {@code
 * {name: _keyward._tcp.contoso.lan, target: kms1, port: 1688, priority: 0, weight: 100}}. A target
 * without a dot names a lab machine; {@code port} defaults to 1688, {@code priority} and {@code
 * weight} to 0 (RFC 2782).
 */
final class DnsReader {
  static final int DEFAULT_PORT = 1688;
  private static final List<String> FIELDS =
      List.of("name", "target", "port", "priority", "weight");

  private final YamlSource src;

  DnsReader(YamlSource src) {
    this.src = src;
  }

  List<DnsRecord> read(Node section, Set<String> machines) {
    List<DnsRecord> records = new ArrayList<>();
    List<Node> items = src.sequence(section, "dns");
    for (int i = 0; i < items.size(); i++) {
      String path = "dns[" + i + "]";
      src.mapping(items.get(i), path)
          .flatMap(m -> record(m, path, machines))
          .ifPresent(records::add);
    }
    return records;
  }

  private Optional<DnsRecord> record(MappingNode m, String path, Set<String> machines) {
    src.rejectUnknown(m, path, FIELDS);
    int line = m.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    Optional<String> name = src.requiredString(m, path, "name");
    if (name.isPresent() && !DnsNames.isSrvOwner(name.get())) {
      src.problem(
          m,
          YamlSource.join(path, "name"),
          "'" + name.get() + "' is not an SRV record name (e.g. _keyward._tcp.contoso.lan)");
      name = Optional.empty();
    }
    Optional<String> target = src.requiredString(m, path, "target");
    if (target.isPresent() && !target(target.get(), machines)) {
      src.problem(
          m,
          YamlSource.join(path, "target"),
          "'"
              + target.get()
              + "' is neither a machine of the file (declared: "
              + String.join(", ", machines)
              + ") nor a DNS name");
      target = Optional.empty();
    }
    int port = src.optionalInteger(m, path, "port", 1, 65535).orElse(DEFAULT_PORT);
    int priority = src.optionalInteger(m, path, "priority", 0, 65535).orElse(0);
    int weight = src.optionalInteger(m, path, "weight", 0, 65535).orElse(0);
    if (name.isEmpty() || target.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DnsRecord(
            name.get().toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", ""),
            target.get(),
            port,
            priority,
            weight,
            line));
  }

  private static boolean target(String target, Set<String> machines) {
    return target.contains(".") ? DnsNames.isName(target) : machines.contains(target);
  }
}
