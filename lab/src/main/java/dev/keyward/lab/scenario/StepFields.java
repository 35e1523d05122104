package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.time.DurationText;
import dev.keyward.core.yaml.YamlSource;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The fields several kinds of step share (a machine's name, key placeholders, a duration,
 * components, {@code expect:}), read and checked against what exists at that step: the machines
 * declared or cloned by an earlier step, the keys declared or named by an earlier downgrade.
 */
final class StepFields {
  // {name}, or {name:how}: the key typed another way (docs/lab.md)
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{([A-Za-z0-9_-]+)(?::([A-Za-z]*))?}");
  private static final List<String> TYPED = List.of("typo", "lower", "nohyphens", "spaces");

  final YamlSource src;
  private final Map<String, KeySpec> keys;
  // Machines that exist at a step: declared ones plus clones made by earlier steps.
  private final Set<String> known = new HashSet<>();
  // Keys that exist at a step: declared ones plus downgrade keys named by earlier support steps.
  private final Set<String> stepKeys = new HashSet<>();

  StepFields(YamlSource src, Map<String, KeySpec> keys) {
    this.src = src;
    this.keys = keys;
  }

  /** A machine declared under {@code machines:}. */
  void declareMachine(String name) {
    known.add(name);
  }

  /** A machine made by a step ({@code clone … as:}); false when the name is taken. */
  boolean addMachine(String name) {
    return known.add(name);
  }

  /** A key named by a step ({@code downgrade … as:}); false when the name is taken. */
  boolean addKey(String name) {
    return !keys.containsKey(name) && stepKeys.add(name);
  }

  /** Whether a machine of that name exists at this step. */
  boolean isMachine(String name) {
    return known.contains(name);
  }

  /** The machines that exist at this step, for messages. */
  String machineNames() {
    return String.join(", ", known.stream().sorted().toList());
  }

  Optional<String> machine(MappingNode m, String path, String field) {
    Optional<String> name = src.requiredString(m, path, field);
    name.ifPresent(
        n -> {
          if (!known.contains(n)) {
            src.problem(
                m,
                join(path, field),
                "no machine named '"
                    + n
                    + "' (declared: "
                    + String.join(", ", known.stream().sorted().toList())
                    + ")");
          }
        });
    return name.filter(known::contains);
  }

  void checkPlaceholders(Node at, String field, String command) {
    Matcher matcher = PLACEHOLDER.matcher(command);
    while (matcher.find()) {
      checkKeyName(at, field, matcher.group(1));
      String how = matcher.group(2);
      if (how != null && !TYPED.contains(how)) {
        src.problem(
            at,
            field,
            "'{"
                + matcher.group(1)
                + ":"
                + how
                + "}' types the key in no known way ("
                + String.join(", ", TYPED)
                + ")");
      }
    }
  }

  void checkKeyName(Node at, String field, String name) {
    if (!keys.containsKey(name) && !stepKeys.contains(name)) {
      src.problem(
          at,
          field,
          "no key named '"
              + name
              + "' under keys (declared: "
              + String.join(", ", keys.keySet())
              + ")");
    }
  }

  Optional<Duration> duration(Node at, String field, String text) {
    Optional<Duration> d = DurationText.parse(text).filter(x -> !x.isNegative() && !x.isZero());
    if (d.isEmpty()) {
      src.problem(at, field, "'" + text + "' is not a duration (write e.g. 181d, 10d, 2h, 1m)");
    }
    return d;
  }

  Set<Component> components(MappingNode m, String path, String field) {
    Set<Component> components = EnumSet.noneOf(Component.class);
    src.field(m, field)
        .ifPresent(
            node -> {
              for (String name : src.strings(node, join(path, field))) {
                Optional<Component> c = Component.byName(name);
                if (c.isEmpty()) {
                  src.problem(
                      node,
                      join(path, field),
                      "unknown component '" + name + "' (" + Component.allNames() + ")");
                } else {
                  components.add(c.get());
                }
              }
            });
    return components;
  }

  Expectation expectation(MappingNode m, String path) {
    Optional<MappingNode> e =
        src.field(m, "expect").flatMap(n -> src.mapping(n, join(path, "expect")));
    if (e.isEmpty()) {
      return Expectation.NONE;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    src.entries(e.get())
        .forEach(
            (name, entry) ->
                fields.put(name, plain(entry.getValueNode(), join(path, "expect." + name))));
    return new Expectation(fields);
  }

  /** A scalar as JSON shows it: null, true/false, a whole number, or text. */
  private Object plain(Node node, String field) {
    if (!(node instanceof ScalarNode scalar)) {
      src.problem(node, field, "expected a single value (text, number, true/false or null)");
      return null;
    }
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return Boolean.parseBoolean(scalar.getValue());
    }
    if (tag.equals(Tag.INT)) {
      try {
        return Long.parseLong(scalar.getValue());
      } catch (NumberFormatException e) {
        return scalar.getValue();
      }
    }
    return scalar.getValue();
  }
}
