package dev.keyward.core.compliance;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML mapping read field by field. It remembers which keys were read so the others can be
 * reported: in an audit input a misspelt field ({@code coresPerProccesor}) must be an error, not a
 * silent zero.
 */
final class YamlMapping {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,12}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,6})?");

  private final MappingNode node;
  private final String path;
  private final ProblemList problems;
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final Map<String, Node> keys = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();

  private YamlMapping(MappingNode node, String path, ProblemList problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.at(tuple.getKeyNode(), path, "keys must be plain names");
      } else if (values.containsKey(key.getValue())) {
        problems.at(key, field(key.getValue()), "given twice in the same mapping");
      } else {
        values.put(key.getValue(), tuple.getValueNode());
        keys.put(key.getValue(), key);
      }
    }
  }

  /** The mapping at {@code node}, or empty (with a problem) when it is something else. */
  static Optional<YamlMapping> of(Node node, String path, ProblemList problems) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMapping(mapping, path, problems));
    }
    problems.at(node, path, "expected a mapping of fields, got " + describe(node));
    return Optional.empty();
  }

  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A problem about {@code key} located at this mapping (for fields that are missing). */
  void problem(String key, String message) {
    problems.at(node, field(key), message);
  }

  Set<String> keys() {
    return keys.keySet();
  }

  Node keyNode(String key) {
    return keys.get(key);
  }

  Optional<Node> optional(String key) {
    read.add(key);
    Node value = values.get(key);
    return value == null || isNull(value) ? Optional.empty() : Optional.of(value);
  }

  Optional<Node> required(String key) {
    Optional<Node> value = optional(key);
    if (value.isEmpty()) {
      Node at = values.containsKey(key) ? values.get(key) : node;
      problems.at(at, field(key), "missing; it is required");
    }
    return value;
  }

  Optional<String> requiredText(String key) {
    return required(key).flatMap(value -> text(value, field(key)));
  }

  Optional<Integer> requiredInt(String key, int min, int max) {
    return required(key).flatMap(value -> wholeNumber(value, field(key), min, max));
  }

  /** The value, or {@code absent} when the field is not given. */
  Optional<Integer> optionalInt(String key, int absent, int min, int max) {
    Optional<Node> value = optional(key);
    return value.isEmpty()
        ? Optional.of(absent)
        : value.flatMap(v -> wholeNumber(v, field(key), min, max));
  }

  Optional<BigDecimal> optionalPositiveDecimal(String key) {
    return optional(key).flatMap(value -> positiveDecimal(value, field(key)));
  }

  /** Reports every key that was never read; {@code expected} lists the fields allowed here. */
  void rejectUnknownFields(String expected) {
    for (Map.Entry<String, Node> key : keys.entrySet()) {
      if (!read.contains(key.getKey())) {
        problems.at(key.getValue(), field(key.getKey()), "unknown field; expected " + expected);
      }
    }
  }

  Optional<String> text(Node value, String field) {
    if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return Optional.of(scalar.getValue().strip());
    }
    problems.at(value, field, "expected a value, got " + describe(value));
    return Optional.empty();
  }

  Optional<Integer> wholeNumber(Node value, String field, int min, int max) {
    String range = "a whole number from " + min + " to " + max;
    if (value instanceof ScalarNode scalar && WHOLE_NUMBER.matcher(scalar.getValue()).matches()) {
      long number = Long.parseLong(scalar.getValue());
      if (number >= min && number <= max) {
        return Optional.of((int) number);
      }
    }
    problems.at(value, field, "expected " + range + ", got " + describe(value));
    return Optional.empty();
  }

  Optional<BigDecimal> positiveDecimal(Node value, String field) {
    if (value instanceof ScalarNode scalar && DECIMAL.matcher(scalar.getValue()).matches()) {
      BigDecimal number = new BigDecimal(scalar.getValue());
      if (number.signum() > 0) {
        return Optional.of(number);
      }
    }
    problems.at(value, field, "expected a price greater than 0, got " + describe(value));
    return Optional.empty();
  }

  static boolean isNull(Node value) {
    return Tag.NULL.equals(value.getTag());
  }

  static String describe(Node value) {
    if (value instanceof ScalarNode scalar) {
      return isNull(value) ? "nothing" : "\"" + scalar.getValue() + "\"";
    }
    if (value instanceof SequenceNode) {
      return "a list";
    }
    return value instanceof MappingNode ? "a mapping" : "something else";
  }
}
