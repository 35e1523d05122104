package dev.keyward.core.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a YAML (or JSON) document as a tree of nodes that keep their line numbers, and collects
 * every problem found while a typed reader walks it, so that a user sees all mistakes of a file at
 * once, each with its line and field.
 *
 * <p>Readers call the typed getters; a getter that finds a problem records it and returns an empty
 * value, and the reader goes on. {@link #problems()} tells at the end whether the result is usable.
 */
public final class YamlSource {
  private final String file;
  private final Node root;
  private final List<SourceProblem> problems = new ArrayList<>();

  private YamlSource(String file, Node root) {
    this.file = file;
    this.root = root;
  }

  /**
   * Deepest nesting of mappings and sequences a document may have. Composing is recursive: a
   * document of a few kilobytes of brackets would otherwise exhaust the stack (files come from
   * users, uploads and the network).
   */
  public static final int MAX_DEPTH = 64;

  /** Parses {@code text}; a syntax error becomes the first (and only) problem. */
  public static YamlSource parse(String text, String file) {
    LoadSettings settings =
        LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false).build();
    try {
      int deepLine = tooDeepAt(settings, text);
      if (deepLine >= 0) {
        YamlSource source = new YamlSource(file, null);
        source.problems.add(
            new SourceProblem(
                file, deepLine, "", "nested more than " + MAX_DEPTH + " levels deep"));
        return source;
      }
      Composer composer =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      Optional<Node> node = composer.getSingleNode();
      YamlSource source = new YamlSource(file, node.orElse(null));
      if (node.isEmpty()) {
        source.problems.add(new SourceProblem(file, 0, "", "the file is empty"));
      }
      return source;
    } catch (MarkedYamlEngineException e) {
      YamlSource source = new YamlSource(file, null);
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      source.problems.add(new SourceProblem(file, line, "", "not valid YAML: " + e.getProblem()));
      return source;
    } catch (YamlEngineException e) {
      YamlSource source = new YamlSource(file, null);
      source.problems.add(new SourceProblem(file, 0, "", "not valid YAML: " + e.getMessage()));
      return source;
    }
  }

  /**
   * The line where nesting first goes past {@link #MAX_DEPTH}, or -1. Runs the (iterative) parser
   * alone, so no recursion happens before the depth is known; syntax errors are left for the
   * composer to report.
   */
  private static int tooDeepAt(LoadSettings settings, String text) {
    ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
    int depth = 0;
    while (parser.hasNext()) {
      Event event = parser.next();
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            return event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        default -> {}
      }
    }
    return -1;
  }

  public String file() {
    return file;
  }

  /** The document's top node, when it is a mapping (the only shape our files have). */
  public Optional<MappingNode> rootMapping() {
    if (root == null) {
      return Optional.empty();
    }
    if (root instanceof MappingNode mapping) {
      return Optional.of(mapping);
    }
    problem(root, "", "expected a mapping of fields at the top of the file");
    return Optional.empty();
  }

  public List<SourceProblem> problems() {
    return List.copyOf(problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Records a problem at {@code node}'s line. */
  public void problem(Node node, String field, String message) {
    problems.add(new SourceProblem(file, lineOf(node), field, message));
  }

  public static int lineOf(Node node) {
    return node == null ? 0 : node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** The fields of a mapping in file order, keyed by their (scalar) names. */
  public Map<String, Node> fields(MappingNode mapping, String path) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        fields.put(key.getValue(), tuple.getValueNode());
      } else {
        problem(tuple.getKeyNode(), path, "field names must be plain words");
      }
    }
    return fields;
  }

  /** Reports every field of {@code mapping} not in {@code known} (catches typos in field names). */
  public void rejectUnknown(MappingNode mapping, String path, Set<String> known) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && !known.contains(key.getValue())) {
        problem(
            tuple.getKeyNode(),
            join(path, key.getValue()),
            "unknown field (expected one of " + String.join(", ", known) + ")");
      }
    }
  }

  public Optional<Node> field(MappingNode mapping, String name) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
        return Optional.of(tuple.getValueNode());
      }
    }
    return Optional.empty();
  }

  /** A field that must be present; records a problem at the mapping's line if it is missing. */
  public Optional<Node> required(MappingNode mapping, String path, String name) {
    Optional<Node> node = field(mapping, name);
    if (node.isEmpty()) {
      problem(mapping, join(path, name), "missing (required)");
    }
    return node;
  }

  public Optional<String> string(Node node, String path) {
    if (node instanceof ScalarNode scalar && !isNull(scalar)) {
      return Optional.of(scalar.getValue());
    }
    problem(node, path, "expected a text value");
    return Optional.empty();
  }

  public Optional<String> requiredString(MappingNode mapping, String path, String name) {
    return required(mapping, path, name).flatMap(n -> string(n, join(path, name)));
  }

  public Optional<String> optionalString(MappingNode mapping, String path, String name) {
    return field(mapping, name).flatMap(n -> string(n, join(path, name)));
  }

  public Optional<Long> integer(Node node, String path, long min, long max) {
    if (node instanceof ScalarNode scalar) {
      try {
        long value = Long.parseLong(scalar.getValue().trim());
        if (value < min || value > max) {
          problem(node, path, "must be between " + min + " and " + max + ", not " + value);
          return Optional.empty();
        }
        return Optional.of(value);
      } catch (NumberFormatException e) {
        // fall through to the problem below
      }
    }
    problem(node, path, "expected a whole number");
    return Optional.empty();
  }

  public Optional<Long> optionalInteger(
      MappingNode mapping, String path, String name, long min, long max) {
    return field(mapping, name).flatMap(n -> integer(n, join(path, name), min, max));
  }

  public Optional<Long> requiredInteger(
      MappingNode mapping, String path, String name, long min, long max) {
    return required(mapping, path, name).flatMap(n -> integer(n, join(path, name), min, max));
  }

  public Optional<Boolean> bool(Node node, String path) {
    if (node instanceof ScalarNode scalar) {
      switch (scalar.getValue().trim()) {
        case "true":
          return Optional.of(true);
        case "false":
          return Optional.of(false);
        default:
          break;
      }
    }
    problem(node, path, "expected true or false");
    return Optional.empty();
  }

  public Optional<MappingNode> mapping(Node node, String path) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(mapping);
    }
    problem(node, path, "expected a mapping of fields");
    return Optional.empty();
  }

  public List<Node> sequence(Node node, String path) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problem(node, path, "expected a list");
    return List.of();
  }

  /** Text items of a list, e.g. {@code [ServerStandard, ServerDatacenter]}. */
  public List<String> strings(Node node, String path) {
    List<String> values = new ArrayList<>();
    List<Node> items = sequence(node, path);
    for (int i = 0; i < items.size(); i++) {
      string(items.get(i), path + "[" + i + "]").ifPresent(values::add);
    }
    return values;
  }

  private static boolean isNull(ScalarNode scalar) {
    return scalar.getTag().getValue().endsWith(":null");
  }

  public static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
