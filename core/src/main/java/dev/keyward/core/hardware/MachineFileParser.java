package dev.keyward.core.hardware;

import dev.keyward.core.vmhost.VmHostChannel;
import dev.keyward.core.yaml.SourceProblem;
import dev.keyward.core.yaml.YamlSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads one machine file through {@link YamlSource}, so that every problem names its line and
 * column. Values are strict text ({@code ram: 16} is refused with a hint to quote it).
 */
final class MachineFileParser {
  private static final String COMPONENTS = "components";
  private static final String OEM_MARKER = "oemMarker";
  private static final String SIMULATED = "simulated";
  private static final String PROFILE = "profile";
  private static final String DOMAIN = "domain";
  private static final String VM_HOST = "vmHost";
  private static final List<String> KEYS =
      List.of(COMPONENTS, OEM_MARKER, SIMULATED, PROFILE, DOMAIN, VM_HOST);
  private static final java.util.regex.Pattern DOMAIN_NAME =
      java.util.regex.Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
              + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");

  private final String fileName;
  private final List<String> profiles;

  MachineFileParser(String fileName, List<String> profiles) {
    this.fileName = fileName == null ? "<machine file>" : fileName;
    this.profiles = List.copyOf(profiles);
  }

  MachineFileReading parse(String text) {
    YamlSource src = YamlSource.parse(text, fileName);
    Optional<MappingNode> root = src.rootMapping("a machine file needs a components: section");
    if (root.isEmpty()) {
      return rejected(src);
    }
    MappingNode top = root.get();
    src.entries(top)
        .forEach(
            (key, entry) -> {
              if (!KEYS.contains(key)) {
                src.problem(
                    entry.getKeyNode(),
                    "",
                    "unknown key '" + key + "'; expected one of " + String.join(", ", KEYS));
              }
            });

    Map<Component, String> components = components(src, top);
    Optional<String> oemMarker = src.optionalText(top, "", OEM_MARKER);
    // A file describes a lab machine unless it says otherwise.
    boolean simulated = src.field(top, SIMULATED).flatMap(n -> src.bool(n, SIMULATED)).orElse(true);
    Optional<String> profile = profile(src, top);
    Optional<String> domain = domain(src, top);
    Optional<String> vmHost = vmHost(src, top);
    if (src.hasProblems()) {
      return rejected(src);
    }
    MachineFacts facts = new MachineFacts(components, oemMarker, simulated);
    return new MachineFileReading.Loaded(new MachineFile(facts, profile, domain, vmHost));
  }

  private static Map<Component, String> components(YamlSource src, MappingNode top) {
    Map<Component, String> components = new EnumMap<>(Component.class);
    Optional<Node> section = src.field(top, COMPONENTS);
    if (section.isEmpty()) {
      src.problem(
          top, "", "missing components: section (the ten names are " + Component.allNames() + ")");
      return components;
    }
    if (!(section.get() instanceof MappingNode mapping)) {
      src.problem(
          section.get(),
          COMPONENTS,
          "must map component names to values, got " + YamlSource.describe(section.get()));
      return components;
    }
    src.entries(mapping)
        .forEach(
            (name, entry) -> {
              Optional<Component> known = Component.byName(name);
              if (known.isEmpty()) {
                src.problem(
                    entry.getKeyNode(),
                    "",
                    "unknown component '" + name + "'; expected one of " + Component.allNames());
              } else {
                src.optionalText(mapping, COMPONENTS, name)
                    .ifPresent(value -> components.put(known.get(), value));
              }
            });
    return components;
  }

  private Optional<String> profile(YamlSource src, MappingNode top) {
    Optional<String> name = src.optionalText(top, "", PROFILE);
    if (name.isPresent() && !profiles.contains(name.get())) {
      String known =
          profiles.isEmpty()
              ? "this reader knows no profiles"
              : "expected one of " + String.join(", ", profiles);
      src.problem(
          src.field(top, PROFILE).orElse(top),
          "",
          "unknown profile '" + name.get() + "'; " + known);
      return Optional.empty();
    }
    return name;
  }

  private static Optional<String> domain(YamlSource src, MappingNode top) {
    Optional<String> domain = src.optionalText(top, "", DOMAIN);
    if (domain.isPresent() && !DOMAIN_NAME.matcher(domain.get()).matches()) {
      src.problem(
          src.field(top, DOMAIN).orElse(top),
          "",
          "domain: '" + domain.get() + "' is not a DNS domain name (e.g. contoso.lan)");
      return Optional.empty();
    }
    return domain.map(d -> d.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", ""));
  }

  private static Optional<String> vmHost(YamlSource src, MappingNode top) {
    Optional<String> typed = src.optionalText(top, "", VM_HOST);
    // a guest names where its agent listens: a real port, never "any" (0)
    Optional<VmHostChannel> channel =
        typed
            .flatMap(VmHostChannel::parse)
            .filter(c -> !(c instanceof VmHostChannel.Tcp t && t.port() == 0));
    if (typed.isPresent() && channel.isEmpty()) {
      src.problem(
          src.field(top, VM_HOST).orElse(top),
          "",
          "vmHost: '"
              + typed.get()
              + "' is not a host agent channel (unix:/PATH or HOST:PORT, e.g. 127.0.0.1:7010)");
    }
    return channel.map(VmHostChannel::toString);
  }

  private static MachineFileReading rejected(YamlSource src) {
    return new MachineFileReading.Rejected(
        src.problems().stream().map(MachineFileParser::fieldInMessage).toList());
  }

  /**
   * Machine-file problems name their key at the head of the message and print with their column:
   * {@code machine.yaml:7:8: components.ram: expected text, got the integer 16; ...}.
   */
  private static SourceProblem fieldInMessage(SourceProblem problem) {
    if (problem.field().isEmpty()) {
      return problem;
    }
    return new SourceProblem(
        problem.file(),
        problem.line(),
        problem.column(),
        "",
        problem.field() + ": " + problem.message());
  }
}
