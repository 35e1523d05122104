package dev.keyward.core.hardware;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one machine file. It works on the composed node tree rather than on loaded Java objects
 * because only nodes keep their position in the file, and every problem must name its line.
 */
final class MachineFileParser {
  private static final String COMPONENTS = "components";
  private static final String OEM_MARKER = "oemMarker";
  private static final String SIMULATED = "simulated";
  private static final String PROFILE = "profile";
  private static final Set<String> KEYS = Set.of(COMPONENTS, OEM_MARKER, SIMULATED, PROFILE);
  private static final String KEY_NAMES = "components, oemMarker, simulated, profile";

  private final String fileName;
  private final List<FileProblem> problems = new ArrayList<>();

  MachineFileParser(String fileName) {
    this.fileName = fileName == null ? "<machine file>" : fileName;
  }

  MachineFileReading parse(String text) {
    Optional<Node> document = compose(text == null ? "" : text);
    if (document.isEmpty()) {
      if (problems.isEmpty()) {
        problems.add(
            problem(1, 1, "the file is empty; a machine file needs a components: section"));
      }
      return rejected();
    }
    Node root = document.get();
    if (!(root instanceof MappingNode mapping)) {
      report(root, "a machine file is a mapping of " + KEY_NAMES + ", found " + describe(root));
      return rejected();
    }
    Map<String, NodeTuple> entries = entries(mapping, "top level");
    entries.forEach(
        (key, entry) -> {
          if (!KEYS.contains(key)) {
            report(entry.getKeyNode(), "unknown key '" + key + "'; expected one of " + KEY_NAMES);
          }
        });

    Map<Component, String> components = components(entries.get(COMPONENTS), root);
    Optional<String> oemMarker = text(entries.get(OEM_MARKER));
    boolean simulated = simulated(entries.get(SIMULATED));
    Optional<LabProfile> profile = profile(entries.get(PROFILE));
    if (!problems.isEmpty()) {
      return rejected();
    }
    MachineFacts facts = new MachineFacts(components, oemMarker, simulated);
    return new MachineFileReading.Loaded(new MachineFile(facts, profile));
  }

  private Optional<Node> compose(String text) {
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(fileName).build();
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      problems.add(
          problem(
              mark.map(m -> m.getLine() + 1).orElse(1),
              mark.map(m -> m.getColumn() + 1).orElse(1),
              "not valid YAML or JSON: " + e.getProblem() + context(e)));
    } catch (YamlEngineException e) {
      problems.add(problem(1, 1, "not valid YAML or JSON: " + e.getMessage()));
    }
    return Optional.empty();
  }

  /**
   * Where the parser was, e.g. " (while scanning a quoted scalar from line 2)": often the cause.
   */
  private static String context(MarkedYamlEngineException e) {
    if (e.getContext() == null || e.getContextMark().isEmpty()) {
      return "";
    }
    return " (" + e.getContext() + " from line " + (e.getContextMark().get().getLine() + 1) + ")";
  }

  private Map<Component, String> components(NodeTuple entry, Node root) {
    Map<Component, String> components = new EnumMap<>(Component.class);
    if (entry == null) {
      report(root, "missing components: section (the ten names are " + Component.allNames() + ")");
      return components;
    }
    if (!(entry.getValueNode() instanceof MappingNode mapping)) {
      report(
          entry.getValueNode(),
          "components: must map component names to values, found "
              + describe(entry.getValueNode()));
      return components;
    }
    entries(mapping, "components")
        .forEach(
            (name, component) -> {
              Optional<Component> known = Component.byName(name);
              if (known.isEmpty()) {
                report(
                    component.getKeyNode(),
                    "unknown component '" + name + "'; expected one of " + Component.allNames());
              } else {
                text(component).ifPresent(value -> components.put(known.get(), value));
              }
            });
    return components;
  }

  private boolean simulated(NodeTuple entry) {
    if (entry == null || isNull(entry.getValueNode())) {
      return true; // a file describes a lab machine unless it says otherwise
    }
    Node value = entry.getValueNode();
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return Boolean.parseBoolean(scalar.getValue());
    }
    report(value, "simulated: must be true or false, found " + describe(value));
    return true;
  }

  private Optional<LabProfile> profile(NodeTuple entry) {
    Optional<String> name = text(entry);
    Optional<LabProfile> profile = name.flatMap(LabProfile::byName);
    if (name.isPresent() && profile.isEmpty()) {
      report(
          entry.getValueNode(),
          "unknown profile '" + name.get() + "'; expected one of " + LabProfile.allNames());
    }
    return profile;
  }

  /**
   * The text value of {@code entry}: empty when the entry is missing or null, or when its value is
   * not usable text (then a problem is reported).
   */
  private Optional<String> text(NodeTuple entry) {
    if (entry == null || isNull(entry.getValueNode())) {
      return Optional.empty();
    }
    String key = keyOf(entry);
    Node value = entry.getValueNode();
    if (!(value instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.STR)) {
      String hint =
          value instanceof ScalarNode scalar
              ? "; quote it (\"" + scalar.getValue() + "\") to keep it as text"
              : "";
      report(value, key + ": must be text, found " + describe(value) + hint);
      return Optional.empty();
    }
    if (scalar.getValue().isBlank()) {
      report(value, key + ": is empty; leave it out (or write null) when it is absent");
      return Optional.empty();
    }
    return Optional.of(scalar.getValue());
  }

  /** The entries of {@code mapping} by key, reporting keys that are not names and duplicates. */
  private Map<String, NodeTuple> entries(MappingNode mapping, String where) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple entry : mapping.getValue()) {
      Node keyNode = entry.getKeyNode();
      if (!(keyNode instanceof ScalarNode key) || isNull(keyNode)) {
        report(keyNode, "keys in " + where + " must be names, found " + describe(keyNode));
        continue;
      }
      NodeTuple first = entries.putIfAbsent(key.getValue(), entry);
      if (first != null) {
        report(
            keyNode,
            "duplicate key '"
                + key.getValue()
                + "' in "
                + where
                + " (first at line "
                + line(first.getKeyNode())
                + ")");
      }
    }
    return entries;
  }

  private static String keyOf(NodeTuple entry) {
    return entry.getKeyNode() instanceof ScalarNode key ? key.getValue() : "value";
  }

  private static boolean isNull(Node node) {
    return node.getTag().equals(Tag.NULL);
  }

  /** What a node is, for messages: {@code the integer 16}, {@code a list}. */
  private static String describe(Node node) {
    Tag tag = node.getTag();
    String value = node instanceof ScalarNode scalar ? " " + scalar.getValue() : "";
    if (tag.equals(Tag.INT)) {
      return "the integer" + value;
    } else if (tag.equals(Tag.FLOAT)) {
      return "the number" + value;
    } else if (tag.equals(Tag.BOOL)) {
      return "the boolean" + value;
    } else if (tag.equals(Tag.NULL)) {
      return "null";
    } else if (tag.equals(Tag.STR)) {
      return "the text '" + ((ScalarNode) node).getValue() + "'";
    } else if (tag.equals(Tag.SEQ)) {
      return "a list";
    } else if (tag.equals(Tag.MAP)) {
      return "a mapping";
    }
    return "a value tagged " + tag.getValue();
  }

  private void report(Node node, String message) {
    Optional<Mark> mark = node.getStartMark();
    problems.add(problem(line(node), mark.map(m -> m.getColumn() + 1).orElse(1), message));
  }

  private static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  private FileProblem problem(int line, int column, String message) {
    return new FileProblem(fileName, line, column, message);
  }

  private MachineFileReading rejected() {
    problems.sort(Comparator.comparingInt(FileProblem::line).thenComparingInt(FileProblem::column));
    return new MachineFileReading.Rejected(problems);
  }
}
