package dev.keyward.core.catalog;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.TolerancePolicy;
import dev.keyward.core.hardware.TolerancePolicyCheck;
import dev.keyward.core.time.DurationText;
import dev.keyward.core.yaml.YamlSource;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code hardware}, {@code volume} and {@code grace} policies of a product (defaults where left
 * out).
 */
final class PoliciesReader {
  private final YamlSource src;

  PoliciesReader(YamlSource src) {
    this.src = src;
  }

  TolerancePolicy readHardware(MappingNode m, String path) {
    String field = join(path, "hardware");
    TolerancePolicy defaults = TolerancePolicy.defaultPolicy();
    Optional<MappingNode> hm = src.field(m, "hardware").flatMap(n -> src.mapping(n, field));
    if (hm.isEmpty()) {
      return defaults;
    }
    src.rejectUnknown(hm.get(), field, List.of("limit", "weights"));
    int limit = src.optionalInteger(hm.get(), field, "limit", 0, 10_000).orElse(defaults.limit());
    Map<Component, Integer> weights = new EnumMap<>(defaults.weights());
    String weightsField = join(field, "weights");
    src.field(hm.get(), "weights")
        .flatMap(n -> src.mapping(n, weightsField))
        .ifPresent(
            w -> {
              src.rejectUnknown(w, weightsField, List.of(Component.allNames().split(", ")));
              for (Component c : Component.values()) {
                src.optionalInteger(w, weightsField, c.fileName(), 0, TolerancePolicy.MAX_WEIGHT)
                    .ifPresent(v -> weights.put(c, v));
              }
            });
    return switch (TolerancePolicy.validate(weights, limit)) {
      case TolerancePolicyCheck.Valid valid -> valid.policy();
      case TolerancePolicyCheck.Invalid invalid -> {
        invalid.problems().forEach(problem -> src.problem(hm.get(), field, problem));
        yield defaults;
      }
    };
  }

  VolumePolicy readVolume(MappingNode m, String path, Family family) {
    String field = join(path, "volume");
    // SPEC §11: server products need 5 distinct machines, client products 25.
    int threshold = family == Family.SERVER ? 5 : 25;
    VolumePolicy defaults =
        new VolumePolicy(threshold, Duration.ofDays(180), Duration.ofDays(7), Duration.ofHours(2));
    Optional<MappingNode> vm = src.field(m, "volume").flatMap(n -> src.mapping(n, field));
    if (vm.isEmpty()) {
      return defaults;
    }
    src.rejectUnknown(vm.get(), field, List.of("threshold", "validity", "renewal", "retry"));
    return new VolumePolicy(
        src.optionalInteger(vm.get(), field, "threshold", 1, 10_000).orElse(threshold),
        duration(vm.get(), field, "validity", defaults.validity()),
        duration(vm.get(), field, "renewal", defaults.renewal()),
        duration(vm.get(), field, "retry", defaults.retry()));
  }

  GracePolicy readGrace(MappingNode m, String path) {
    String field = join(path, "grace");
    GracePolicy d =
        new GracePolicy(
            Duration.ofDays(10),
            Duration.ofDays(30),
            Duration.ofDays(3),
            Duration.ofDays(30),
            5,
            Duration.ofHours(4));
    Optional<MappingNode> gm = src.field(m, "grace").flatMap(n -> src.mapping(n, field));
    if (gm.isEmpty()) {
      return d;
    }
    MappingNode g = gm.get();
    src.rejectUnknown(
        g,
        field,
        List.of(
            "initial",
            "additionalVolume",
            "additionalOther",
            "nonGenuine",
            "rearmLimit",
            "clockSkew"));
    return new GracePolicy(
        duration(g, field, "initial", d.initial()),
        duration(g, field, "additionalVolume", d.additionalVolume()),
        duration(g, field, "additionalOther", d.additionalOther()),
        duration(g, field, "nonGenuine", d.nonGenuine()),
        src.optionalInteger(g, field, "rearmLimit", 0, 1000).orElse(d.rearmLimit()),
        duration(g, field, "clockSkew", d.clockSkew()));
  }

  private Duration duration(MappingNode m, String path, String name, Duration fallback) {
    Optional<Node> node = src.field(m, name);
    if (node.isEmpty()) {
      return fallback;
    }
    Optional<String> text = src.string(node.get(), join(path, name));
    if (text.isEmpty()) {
      return fallback;
    }
    Optional<Duration> d = DurationText.parse(text.get());
    if (d.isEmpty() || d.get().isNegative()) {
      src.problem(
          node.get(),
          join(path, name),
          "'" + text.get() + "' is not a duration (write e.g. 180d, 7d, 2h, 30m)");
      return fallback;
    }
    return d.get();
  }
}
