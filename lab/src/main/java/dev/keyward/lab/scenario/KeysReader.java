package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.yaml.YamlSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** The {@code keys:} section: what the lab authority issues before step 1, by name. */
final class KeysReader {
  private static final List<String> FIELDS =
      List.of("product", "version", "edition", "channel", "pool");

  private final YamlSource src;

  KeysReader(YamlSource src) {
    this.src = src;
  }

  Map<String, KeySpec> read(MappingNode section) {
    Map<String, KeySpec> keys = new LinkedHashMap<>();
    src.entries(section)
        .forEach(
            (name, entry) -> {
              String path = join("keys", name);
              src.mapping(entry.getValueNode(), path)
                  .flatMap(k -> key(name, k, path))
                  .ifPresent(k -> keys.put(name, k));
            });
    return keys;
  }

  private Optional<KeySpec> key(String name, MappingNode k, String path) {
    src.rejectUnknown(k, path, FIELDS);
    Optional<String> version = src.requiredString(k, path, "version");
    Optional<Channel> channel =
        src.requiredValue(k, path, "channel", Channel::byName, t -> "unknown channel '" + t + "'");
    Optional<String> edition = src.optionalString(k, path, "edition");
    OptionalInt pool =
        src.optionalInteger(k, path, "pool", 1, 1_000_000)
            .map(OptionalInt::of)
            .orElse(OptionalInt.empty());
    if (version.isEmpty() || channel.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new KeySpec(
            name,
            src.optionalString(k, path, "product"),
            version.get(),
            edition,
            channel.get(),
            pool));
  }
}
