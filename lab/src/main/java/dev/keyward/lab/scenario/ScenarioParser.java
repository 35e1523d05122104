package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.LabProfile;
import dev.keyward.core.time.DurationText;
import dev.keyward.core.yaml.YamlSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a scenario file (SPEC §14) and checks what can be checked before anything runs: machine and
 * key names, profiles, components, durations, and the {@code {key}} placeholders of commands.
 */
public final class ScenarioParser {
  // {name}, or {name:how}: the key typed another way (docs/lab.md)
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{([A-Za-z0-9_-]+)(?::([A-Za-z]*))?}");
  private static final List<String> TYPED = List.of("typo", "lower", "nohyphens", "spaces");
  private static final List<String> TOP = List.of("name", "catalog", "keys", "machines", "steps");
  private static final List<String> KEY_FIELDS =
      List.of("product", "version", "edition", "channel", "pool");
  private static final List<String> MACHINE_FIELDS =
      List.of("profile", "product", "version", "edition", "oem");
  private static final List<String> SUPPORT_ACTIONS =
      List.of("release", "extend", "block", "unblock", "downgrade");

  private final YamlSource src;
  private final Map<String, KeySpec> keys = new LinkedHashMap<>();
  private final Map<String, MachineSpec> machines = new LinkedHashMap<>();
  // Machines that exist at a step: declared ones plus clones made by earlier steps.
  private final Set<String> known = new java.util.HashSet<>();
  // Keys that exist at a step: declared ones plus downgrade keys named by earlier support steps.
  private final Set<String> stepKeys = new java.util.HashSet<>();

  private ScenarioParser(YamlSource src) {
    this.src = src;
  }

  public static ScenarioReading parse(String text, String file) {
    YamlSource src = YamlSource.parse(text, file);
    ScenarioParser parser = new ScenarioParser(src);
    Optional<Scenario> scenario = parser.read();
    if (src.hasProblems() || scenario.isEmpty()) {
      return new ScenarioReading.Rejected(src.problems());
    }
    return new ScenarioReading.Read(scenario.get());
  }

  private Optional<Scenario> read() {
    Optional<MappingNode> root =
        src.rootMapping("a scenario has name, keys, machines and steps (see `keyward lab new`)");
    if (root.isEmpty()) {
      return Optional.empty();
    }
    MappingNode r = root.get();
    src.rejectUnknown(r, "", TOP);
    String name = src.requiredString(r, "", "name").orElse("");
    String catalog = src.optionalString(r, "", "catalog").orElse("builtin:winserver");
    src.field(r, "keys").flatMap(n -> src.mapping(n, "keys")).ifPresent(this::readKeys);
    src.field(r, "machines").flatMap(n -> src.mapping(n, "machines")).ifPresent(this::readMachines);
    List<Step> steps = new ArrayList<>();
    List<Node> items =
        src.required(r, "", "steps").map(n -> src.sequence(n, "steps")).orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      String path = "steps[" + i + "]";
      src.mapping(items.get(i), path).flatMap(m -> readStep(m, path)).ifPresent(steps::add);
    }
    return Optional.of(new Scenario(name, src.file(), catalog, keys, machines, steps));
  }

  private void readKeys(MappingNode m) {
    src.entries(m)
        .forEach(
            (name, entry) -> {
              String path = join("keys", name);
              src.mapping(entry.getValueNode(), path)
                  .ifPresent(
                      k -> {
                        src.rejectUnknown(k, path, KEY_FIELDS);
                        Optional<String> version = src.requiredString(k, path, "version");
                        Optional<Channel> channel =
                            src.requiredValue(
                                k,
                                path,
                                "channel",
                                Channel::byName,
                                t -> "unknown channel '" + t + "'");
                        Optional<String> edition = src.optionalString(k, path, "edition");
                        OptionalInt pool =
                            src.optionalInteger(k, path, "pool", 1, 1_000_000)
                                .map(OptionalInt::of)
                                .orElse(OptionalInt.empty());
                        if (version.isPresent() && channel.isPresent()) {
                          keys.put(
                              name,
                              new KeySpec(
                                  name,
                                  src.optionalString(k, path, "product"),
                                  version.get(),
                                  edition,
                                  channel.get(),
                                  pool));
                        }
                      });
            });
  }

  private void readMachines(MappingNode m) {
    src.entries(m)
        .forEach(
            (name, entry) -> {
              String path = join("machines", name);
              known.add(name);
              src.mapping(entry.getValueNode(), path)
                  .ifPresent(
                      spec -> {
                        src.rejectUnknown(spec, path, MACHINE_FIELDS);
                        Optional<LabProfile> profile =
                            src.requiredValue(
                                spec,
                                path,
                                "profile",
                                LabProfile::byName,
                                t -> "unknown profile '" + t + "' (" + LabProfile.allNames() + ")");
                        Optional<String> version = src.requiredString(spec, path, "version");
                        Optional<String> edition = src.requiredString(spec, path, "edition");
                        boolean oem =
                            src.field(spec, "oem")
                                .flatMap(n -> src.bool(n, join(path, "oem")))
                                .orElse(false);
                        if (profile.isPresent() && version.isPresent() && edition.isPresent()) {
                          machines.put(
                              name,
                              new MachineSpec(
                                  name,
                                  profile.get(),
                                  src.optionalString(spec, path, "product"),
                                  version.get(),
                                  edition.get(),
                                  oem));
                        }
                      });
            });
  }

  private Optional<Step> readStep(MappingNode m, String path) {
    int line = m.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    Optional<String> pending = src.optionalString(m, path, "pending");
    Map<String, NodeTuple> entries = src.entries(m);
    if (entries.containsKey("on")) {
      src.rejectUnknown(m, path, List.of("on", "run", "expect", "pending"));
      Optional<String> machine = machine(m, path, "on");
      Optional<String> command = src.requiredString(m, path, "run");
      command.ifPresent(c -> checkPlaceholders(m, join(path, "run"), c));
      Expectation expect = expectation(m, path);
      return machine.flatMap(mm -> command.map(c -> new Step.Run(line, mm, c, expect, pending)));
    }
    if (entries.containsKey("restart")) {
      // {restart: M} is {on: M, run: restart}
      src.rejectUnknown(m, path, List.of("restart", "expect", "pending"));
      Optional<String> machine = machine(m, path, "restart");
      Expectation expect = expectation(m, path);
      return machine.map(mm -> new Step.Run(line, mm, "restart", expect, pending));
    }
    if (entries.containsKey("advance")) {
      src.rejectUnknown(m, path, List.of("advance", "pending"));
      return src.requiredString(m, path, "advance")
          .flatMap(text -> duration(m, join(path, "advance"), text))
          .map(d -> new Step.Advance(line, d, pending));
    }
    if (entries.containsKey("migrate")) {
      src.rejectUnknown(m, path, List.of("migrate", "to", "keep", "pending"));
      Optional<String> machine = machine(m, path, "migrate");
      Optional<LabProfile> to =
          src.requiredValue(
              m,
              path,
              "to",
              LabProfile::byName,
              t -> "unknown profile '" + t + "' (" + LabProfile.allNames() + ")");
      Set<Component> keep = components(m, path, "keep");
      return machine.flatMap(mm -> to.map(t -> new Step.Migrate(line, mm, t, keep, pending)));
    }
    if (entries.containsKey("clone")) {
      src.rejectUnknown(m, path, List.of("clone", "as", "pending"));
      Optional<String> machine = machine(m, path, "clone");
      Optional<String> as = src.requiredString(m, path, "as");
      as.ifPresent(
          name -> {
            if (!known.add(name)) {
              src.problem(m, join(path, "as"), "a machine named '" + name + "' already exists");
            }
          });
      return machine.flatMap(mm -> as.map(a -> new Step.Clone(line, mm, a, pending)));
    }
    if (entries.containsKey("generalize")) {
      src.rejectUnknown(m, path, List.of("generalize", "pending"));
      return machine(m, path, "generalize").map(mm -> new Step.Generalize(line, mm, pending));
    }
    if (entries.containsKey("hardware")) {
      src.rejectUnknown(m, path, List.of("hardware", "change", "pending"));
      Optional<String> machine = machine(m, path, "hardware");
      Set<Component> change = components(m, path, "change");
      if (change.isEmpty()) {
        src.problem(m, join(path, "change"), "name the components that change, e.g. [nic, disk]");
      }
      return machine.map(mm -> new Step.Hardware(line, mm, change, pending));
    }
    if (entries.containsKey("network")) {
      src.rejectUnknown(m, path, List.of("network", "cut", "restore", "pending"));
      Optional<String> machine = machine(m, path, "network");
      Optional<String> cut = src.optionalString(m, path, "cut");
      Optional<String> restore = src.optionalString(m, path, "restore");
      if (cut.isPresent() == restore.isPresent()) {
        src.problem(m, path, "say either cut: TARGET or restore: TARGET (e.g. cut: authority)");
        return Optional.empty();
      }
      return machine.map(
          mm ->
              new Step.Network(
                  line, mm, cut.or(() -> restore).get(), restore.isPresent(), pending));
    }
    if (entries.containsKey("support")) {
      src.rejectUnknown(
          m, path, List.of("support", "key", "by", "version", "as", "reason", "expect", "pending"));
      Optional<String> action =
          src.requiredValue(
              m,
              path,
              "support",
              a -> SUPPORT_ACTIONS.contains(a) ? Optional.of(a) : Optional.empty(),
              a ->
                  "unknown support action '"
                      + a
                      + "' ("
                      + String.join(", ", SUPPORT_ACTIONS)
                      + ")");
      Optional<String> key = src.requiredString(m, path, "key");
      key.ifPresent(k -> checkKeyName(m, join(path, "key"), k));
      int by = src.optionalInteger(m, path, "by", 1, 1_000_000).orElse(0);
      if (action.filter("extend"::equals).isPresent() && by == 0) {
        src.problem(m, join(path, "by"), "extend needs by: N (how many activations to add)");
      }
      Optional<String> version = src.optionalString(m, path, "version");
      Optional<String> as = src.optionalString(m, path, "as");
      boolean downgrade = action.filter("downgrade"::equals).isPresent();
      if (downgrade && version.isEmpty()) {
        src.problem(m, join(path, "version"), "downgrade needs version: V (an earlier version)");
      }
      if (downgrade && as.isEmpty()) {
        src.problem(
            m, join(path, "as"), "downgrade needs as: NAME (how later steps name the new key)");
      }
      if (!downgrade && (version.isPresent() || as.isPresent())) {
        src.problem(m, path, "version and as go with support: downgrade only");
      }
      as.ifPresent(
          name -> {
            if (keys.containsKey(name) || !stepKeys.add(name)) {
              src.problem(m, join(path, "as"), "a key named '" + name + "' already exists");
            }
          });
      String reason = src.requiredString(m, path, "reason").orElse("");
      Expectation expect = expectation(m, path);
      return action.flatMap(
          a ->
              key.map(k -> new Step.Support(line, a, k, by, version, as, reason, expect, pending)));
    }
    src.problem(
        m,
        path,
        "unknown step; a step is one of on/run, restart, advance, migrate, clone, generalize,"
            + " hardware, network, support");
    return Optional.empty();
  }

  private Optional<String> machine(MappingNode m, String path, String field) {
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

  private void checkPlaceholders(Node at, String field, String command) {
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

  private void checkKeyName(Node at, String field, String name) {
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

  private Optional<Duration> duration(Node at, String field, String text) {
    Optional<Duration> d = DurationText.parse(text).filter(x -> !x.isNegative() && !x.isZero());
    if (d.isEmpty()) {
      src.problem(at, field, "'" + text + "' is not a duration (write e.g. 181d, 10d, 2h, 1m)");
    }
    return d;
  }

  private Set<Component> components(MappingNode m, String path, String field) {
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

  private Expectation expectation(MappingNode m, String path) {
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
