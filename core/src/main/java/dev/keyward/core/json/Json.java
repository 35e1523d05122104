package dev.keyward.core.json;

import dev.keyward.core.yaml.YamlSource;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The small JSON that core and the client SDK need without a JSON library: a canonical writer
 * (sorted keys, no white space, non-ASCII escaped) whose bytes are what gets signed, and a reader
 * built on the YAML parser core already has (JSON is YAML 1.2).
 *
 * <p>Values are {@code Map<String, ?>}, {@code List<?>}, {@code String}, {@code Boolean}, whole
 * numbers ({@code Integer}, {@code Long}, {@code BigInteger}) and {@code null}.
 */
public final class Json {
  private Json() {}

  /** The canonical text of {@code value}: the same value always gives the same bytes. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(s, out);
      case Boolean b -> out.append(b);
      case Integer i -> out.append(i);
      case Long l -> out.append(l);
      case BigInteger b -> out.append(b);
      case BigDecimal d -> out.append(d.toPlainString());
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(e.getKey().toString(), out);
          out.append(':');
          write(e.getValue(), out);
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(list.get(i), out);
        }
        out.append(']');
      }
      default ->
          throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // Everything outside printable ASCII is escaped: the reader is a YAML parser, which
          // refuses some raw characters (C1 controls, U+FEFF, lone surrogates) that JSON allows.
          if (c < 0x20 || c >= 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Reads one JSON document. Anything that is not a single well-formed value (including YAML that
   * is not JSON-shaped at the top) gives empty; the reader never throws on bad input.
   */
  public static Optional<Object> read(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || !(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return Optional.empty();
    }
    if (tooDeep(trimmed)) {
      return Optional.empty();
    }
    try {
      LoadSettings settings =
          LoadSettings.builder()
              .setAllowDuplicateKeys(false)
              .setMaxAliasesForCollections(0)
              .setCodePointLimit(4 * 1024 * 1024)
              .build();
      return Optional.ofNullable(new Load(settings).loadFromString(trimmed));
    } catch (YamlEngineException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether brackets outside strings nest deeper than {@link YamlSource#MAX_DEPTH}: the YAML
   * composer is recursive, and a flow document can only nest through brackets.
   */
  private static boolean tooDeep(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > YamlSource.MAX_DEPTH) {
          return true;
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return false;
  }

  /** Reads a JSON object; empty when the text is not one. */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> readObject(String text) {
    return read(text).filter(Map.class::isInstance).map(m -> (Map<String, Object>) m);
  }
}
