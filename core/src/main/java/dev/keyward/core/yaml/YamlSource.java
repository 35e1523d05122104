package dev.keyward.core.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a file a person wrote, YAML or JSON, as a tree of nodes that keep their line and column,
 * and collects every problem found while a typed reader walks it, so that a user sees all mistakes
 * of a file at once, each with its line and field.
 *
 * <p>Readers call the typed getters; a getter that finds a problem records it and returns an empty
 * value, and the reader goes on. {@link #problems()} tells at the end whether the result is usable.
 *
 * <p>Rules every file shares:
 *
 * <ul>
 *   <li>A field written as {@code null} or with nothing after the colon is absent.
 *   <li>A key given twice in one mapping is a problem; the first one counts. Keys must be names.
 *   <li>Empty text is a problem. Text is taken without the spaces around it; {@link #text} keeps it
 *       exactly as written.
 * </ul>
 */
public final class YamlSource {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,12}");

  private final String file;
  private final Node root;
  private final boolean readable;
  private final List<SourceProblem> problems = new ArrayList<>();

  private YamlSource(String file, Node root, boolean readable) {
    this.file = file;
    this.root = root;
    this.readable = readable;
  }

  /**
   * Deepest nesting of mappings and sequences a document may have. Composing is recursive: a
   * document of a few kilobytes of brackets would otherwise exhaust the stack (files come from
   * users, uploads and the network).
   */
  public static final int MAX_DEPTH = 64;

  /**
   * Parses {@code text} ({@code null} reads as empty); a syntax error becomes the first (and only)
   * problem. Keys given twice and keys that are not names are reported here, wherever they are.
   */
  public static YamlSource parse(String text, String file) {
    return parse(text, file, false);
  }

  /**
   * Parses a document that is part of the build (a built-in catalog): it was read with {@link
   * #parse} by the tests, so it needs neither the nesting guard's extra pass nor line marks, which
   * together cost most of a short command's start. Its problems have no line: a caller that finds
   * any reads the document again with {@link #parse} to report them.
   */
  public static YamlSource parseBuiltIn(String text, String file) {
    return parse(text, file, true);
  }

  private static YamlSource parse(String text, String file, boolean builtIn) {
    LoadSettings settings = LoadSettings.builder().setLabel(file).setUseMarks(!builtIn).build();
    try {
      int deepLine = builtIn ? -1 : tooDeepAt(settings, text == null ? "" : text);
      if (deepLine >= 0) {
        YamlSource source = new YamlSource(file, null, false);
        source.problems.add(
            new SourceProblem(
                file, deepLine, "", "nested more than " + MAX_DEPTH + " levels deep"));
        return source;
      }
      Optional<Node> node = new Compose(settings).composeString(text == null ? "" : text);
      YamlSource source = new YamlSource(file, node.orElse(null), true);
      node.ifPresent(
          n -> source.checkKeys(n, "", Collections.newSetFromMap(new IdentityHashMap<>())));
      return source;
    } catch (MarkedYamlEngineException e) {
      YamlSource source = new YamlSource(file, null, false);
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      source.problems.add(
          new SourceProblem(
              file,
              mark.map(m -> m.getLine() + 1).orElse(0),
              mark.map(m -> m.getColumn() + 1).orElse(0),
              "",
              "not valid YAML or JSON: " + e.getProblem() + context(e)));
      return source;
    } catch (YamlEngineException e) {
      YamlSource source = new YamlSource(file, null, false);
      source.problems.add(
          new SourceProblem(file, 0, "", "not valid YAML or JSON: " + e.getMessage()));
      return source;
    }
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

  /** YAML allows any node as a key and keeps duplicates; our files want unique names. */
  private void checkKeys(Node node, String path, Set<Node> visited) {
    if (!visited.add(node)) {
      return; // an alias of a node already checked, possibly of itself
    }
    if (node instanceof MappingNode mapping) {
      Map<String, Node> firstKeys = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode key) || isNull(keyNode)) {
          problem(keyNode, path, "keys must be names, got " + describe(keyNode));
          continue;
        }
        String field = join(path, key.getValue());
        Node first = firstKeys.putIfAbsent(key.getValue(), keyNode);
        if (first == null) {
          checkKeys(tuple.getValueNode(), field, visited);
        } else {
          problem(
              keyNode,
              field,
              "duplicate key '" + key.getValue() + "' (first at line " + lineOf(first) + ")");
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        checkKeys(items.get(i), path + "[" + i + "]", visited);
      }
    }
  }

  public String file() {
    return file;
  }

  /**
   * The document's top node, when it is a mapping (the only shape our files have). An empty file is
   * a problem: {@code the file is empty}, followed by {@code emptyHint} when there is one (what the
   * file should hold).
   */
  public Optional<MappingNode> rootMapping(String emptyHint) {
    if (root == null) {
      if (readable) {
        problems.add(
            new SourceProblem(
                file,
                0,
                "",
                emptyHint.isEmpty() ? "the file is empty" : "the file is empty; " + emptyHint));
      }
      return Optional.empty();
    }
    return mapping(root, "");
  }

  /** Every problem recorded, in file order. */
  public List<SourceProblem> problems() {
    List<SourceProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparingInt(SourceProblem::line).thenComparingInt(SourceProblem::column));
    return List.copyOf(sorted);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Records a problem at {@code node}'s line and column. */
  public void problem(Node node, String field, String message) {
    Optional<Mark> mark = node == null ? Optional.empty() : node.getStartMark();
    problems.add(
        new SourceProblem(
            file,
            mark.map(m -> m.getLine() + 1).orElse(0),
            mark.map(m -> m.getColumn() + 1).orElse(0),
            field,
            message));
  }

  private static int lineOf(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /**
   * The entries of a mapping in file order, by name, values as written (also {@code null}). Keys
   * that are not names, and repeats of a name, are left out (both are reported by {@link #parse}).
   */
  public Map<String, NodeTuple> entries(MappingNode mapping) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && !isNull(key)) {
        entries.putIfAbsent(key.getValue(), tuple);
      }
    }
    return entries;
  }

  /** Reports every field of {@code mapping} not in {@code known} (catches typos in field names). */
  public void rejectUnknown(MappingNode mapping, String path, List<String> known) {
    entries(mapping)
        .forEach(
            (name, entry) -> {
              if (!known.contains(name)) {
                problem(
                    entry.getKeyNode(),
                    join(path, name),
                    "unknown field; expected " + String.join(", ", known));
              }
            });
  }

  /** The value of a field; empty when it is left out or written as {@code null}. */
  public Optional<Node> field(MappingNode mapping, String name) {
    return Optional.ofNullable(entries(mapping).get(name))
        .map(NodeTuple::getValueNode)
        .filter(value -> !isNull(value));
  }

  /** A field that must be present; a problem at the {@code null} or the mapping otherwise. */
  public Optional<Node> required(MappingNode mapping, String path, String name) {
    Optional<Node> value = field(mapping, name);
    if (value.isEmpty()) {
      Node at =
          Optional.ofNullable(entries(mapping).get(name))
              .<Node>map(NodeTuple::getValueNode)
              .orElse(mapping);
      problem(at, join(path, name), "missing; it is required");
    }
    return value;
  }

  /**
   * A value as text: names, ids, versions such as {@code 2019} or {@code "1.0"}. Any value that is
   * not a list or mapping is taken as written.
   */
  public Optional<String> string(Node node, String path) {
    if (node instanceof ScalarNode scalar && !isNull(scalar) && !scalar.getValue().isBlank()) {
      return Optional.of(scalar.getValue().strip());
    }
    problem(node, path, "expected a text value, got " + describe(node));
    return Optional.empty();
  }

  public Optional<String> requiredString(MappingNode mapping, String path, String name) {
    return required(mapping, path, name).flatMap(n -> string(n, join(path, name)));
  }

  public Optional<String> optionalString(MappingNode mapping, String path, String name) {
    return field(mapping, name).flatMap(n -> string(n, join(path, name)));
  }

  /**
   * A required text field read by {@code parse}, e.g. an edition id into an edition; when {@code
   * parse} finds nothing, {@code unknown} words the problem from the text.
   */
  public <T> Optional<T> requiredValue(
      MappingNode mapping,
      String path,
      String name,
      Function<String, Optional<T>> parse,
      Function<String, String> unknown) {
    String field = join(path, name);
    return required(mapping, path, name)
        .flatMap(
            node ->
                string(node, field)
                    .flatMap(
                        text -> {
                          Optional<T> value = parse.apply(text);
                          if (value.isEmpty()) {
                            problem(node, field, unknown.apply(text));
                          }
                          return value;
                        }));
  }

  /**
   * Text exactly as written, and only text: a value YAML reads as a number or boolean is refused
   * with a hint to quote it, so that no value silently changes form ({@code ram: 16}, {@code
   * serial: 0012}).
   */
  public Optional<String> text(Node node, String path) {
    if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.STR)) {
      String hint =
          node instanceof ScalarNode scalar && !isNull(scalar)
              ? "; quote it (\"" + scalar.getValue() + "\") to keep it as text"
              : "";
      problem(node, path, "expected text, got " + kind(node) + hint);
      return Optional.empty();
    }
    if (scalar.getValue().isBlank()) {
      problem(node, path, "is empty; leave it out (or write null) when it is absent");
      return Optional.empty();
    }
    return Optional.of(scalar.getValue());
  }

  public Optional<String> optionalText(MappingNode mapping, String path, String name) {
    return field(mapping, name).flatMap(n -> text(n, join(path, name)));
  }

  /** A whole number of any size up to 12 digits, e.g. {@code 42} or {@code "-1"}. */
  public Optional<Long> integer(Node node, String path) {
    Optional<Long> value = wholeNumber(node);
    if (value.isEmpty()) {
      problem(node, path, "expected a whole number, got " + describe(node));
    }
    return value;
  }

  /** A whole number from {@code min} to {@code max}. */
  public Optional<Integer> integer(Node node, String path, int min, int max) {
    Optional<Long> value = wholeNumber(node).filter(v -> v >= min && v <= max);
    if (value.isEmpty()) {
      problem(
          node,
          path,
          "expected a whole number from " + min + " to " + max + ", got " + describe(node));
    }
    return value.map(Long::intValue);
  }

  private static Optional<Long> wholeNumber(Node node) {
    if (node instanceof ScalarNode scalar && WHOLE_NUMBER.matcher(scalar.getValue()).matches()) {
      return Optional.of(Long.parseLong(scalar.getValue()));
    }
    return Optional.empty();
  }

  public Optional<Integer> optionalInteger(
      MappingNode mapping, String path, String name, int min, int max) {
    return field(mapping, name).flatMap(n -> integer(n, join(path, name), min, max));
  }

  public Optional<Integer> requiredInteger(
      MappingNode mapping, String path, String name, int min, int max) {
    return required(mapping, path, name).flatMap(n -> integer(n, join(path, name), min, max));
  }

  /** {@code true} or {@code false}, unquoted. */
  public Optional<Boolean> bool(Node node, String path) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return Optional.of(Boolean.parseBoolean(scalar.getValue()));
    }
    problem(node, path, "expected true or false, got " + describe(node));
    return Optional.empty();
  }

  public Optional<MappingNode> mapping(Node node, String path) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(mapping);
    }
    problem(node, path, "expected a mapping of fields, got " + describe(node));
    return Optional.empty();
  }

  public List<Node> sequence(Node node, String path) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problem(node, path, "expected a list, got " + describe(node));
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

  /** A value as messages show it: {@code "16"}, {@code nothing}, {@code a list}. */
  public static String describe(Node node) {
    if (node instanceof ScalarNode scalar) {
      return isNull(scalar) ? "nothing" : "\"" + scalar.getValue() + "\"";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return node instanceof MappingNode ? "a mapping" : "something else";
  }

  /** What YAML reads a value as, for messages about text: {@code the integer 16}. */
  private static String kind(Node node) {
    Tag tag = node.getTag();
    String value = node instanceof ScalarNode scalar ? " " + scalar.getValue() : "";
    if (tag.equals(Tag.INT)) {
      return "the integer" + value;
    } else if (tag.equals(Tag.FLOAT)) {
      return "the number" + value;
    } else if (tag.equals(Tag.BOOL)) {
      return "the boolean" + value;
    } else if (node instanceof ScalarNode && !isNull(node) && !tag.equals(Tag.STR)) {
      return "a value tagged " + tag.getValue();
    }
    return describe(node);
  }

  private static boolean isNull(Node node) {
    return node.getTag().equals(Tag.NULL);
  }

  /** The line where nesting first passes {@link #MAX_DEPTH}, or -1; parse events only, no tree. */
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

  public static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
