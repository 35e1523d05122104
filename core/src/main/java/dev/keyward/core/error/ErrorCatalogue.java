package dev.keyward.core.error;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds catalogue entries by the code as users paste it, and renders them for {@code keyward
 * explain CODE}.
 */
public final class ErrorCatalogue {
  /** Declaration order of {@link ErrorCode}: the specification's codes first, Keyward's last. */
  private static final List<ErrorCode> ALL = List.of(ErrorCode.values());

  private static final Map<Integer, ErrorCode> BY_CODE = index();

  private static final Pattern PREFIXED_HEX = Pattern.compile("0[xX]([0-9a-fA-F]{1,8})");
  private static final Pattern BARE_HEX = Pattern.compile("[0-9a-fA-F]{8}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,10}");
  private static final Pattern SYMBOLIC = Pattern.compile("[A-Za-z][A-Za-z0-9_]*_[A-Za-z0-9_]+");

  /** Width of the text {@link #explain(ErrorCode)} wraps to. */
  public static final int WIDTH = 80;

  private ErrorCatalogue() {}

  private static Map<Integer, ErrorCode> index() {
    Map<Integer, ErrorCode> byCode = new HashMap<>();
    for (ErrorCode error : ErrorCode.values()) {
      ErrorCode previous = byCode.putIfAbsent(error.code(), error);
      if (previous != null) {
        throw new IllegalStateException(
            "duplicate code " + error.hex() + ": " + previous + " and " + error);
      }
    }
    return Map.copyOf(byCode);
  }

  /** Every entry, in a stable order (declaration order of {@link ErrorCode}). */
  public static List<ErrorCode> all() {
    return ALL;
  }

  /** The entry with this 32-bit code, if there is one. */
  public static Optional<ErrorCode> lookup(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /**
   * The entry for a code as a user would paste it: hexadecimal with or without {@code 0x} in any
   * case ({@code 0xC004F050}, {@code 0XC004F050}, {@code c004f050}; without the prefix, exactly
   * eight digits), signed decimal ({@code -1073418160}) or unsigned decimal ({@code 3221549136}),
   * or the symbolic name ({@code SL_E_INVALID_PRODUCT_KEY}, any case). Surrounding whitespace is
   * ignored. Anything else, or a code not in the catalogue, gives empty.
   */
  public static Optional<ErrorCode> lookup(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    var prefixed = PREFIXED_HEX.matcher(t);
    if (prefixed.matches()) {
      return lookup(Integer.parseUnsignedInt(prefixed.group(1), 16));
    }
    if (BARE_HEX.matcher(t).matches()) {
      // Eight digits only could be decimal too; hexadecimal is how codes are written, so it wins.
      Optional<ErrorCode> hex = lookup(Integer.parseUnsignedInt(t, 16));
      if (hex.isPresent() || !DECIMAL.matcher(t).matches()) {
        return hex;
      }
    }
    if (DECIMAL.matcher(t).matches()) {
      long value = Long.parseLong(t);
      if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
        return Optional.empty();
      }
      return lookup((int) value);
    }
    if (SYMBOLIC.matcher(t).matches()) {
      String name = t.toUpperCase(Locale.ROOT);
      return ALL.stream().filter(e -> e.symbolicName().equals(name)).findFirst();
    }
    return Optional.empty();
  }

  /**
   * The full explanation as plain text, for {@code keyward explain CODE}: code and symbolic name,
   * meaning, likely causes (bulleted) and remedies (numbered), wrapped to {@link #WIDTH} columns
   * without breaking a command quoted in backticks. Ends with a newline.
   */
  public static String explain(ErrorCode error) {
    StringBuilder out = new StringBuilder();
    out.append(error.hex()).append(' ').append(error.symbolicName());
    if (error.informational()) {
      out.append(" (informational)");
    }
    out.append("\n\n");
    wrap(out, error.meaning(), "", "");
    out.append("\nLikely causes:\n");
    for (String cause : error.causes()) {
      wrap(out, cause, "  - ", "    ");
    }
    out.append("\nRemedies:\n");
    List<String> remedies = error.remedies();
    for (int i = 0; i < remedies.size(); i++) {
      String number = "  " + (i + 1) + ". ";
      wrap(out, remedies.get(i), number, " ".repeat(number.length()));
    }
    return out.toString();
  }

  /** Appends {@code text} word-wrapped, a backtick-quoted span counting as one word. */
  private static void wrap(StringBuilder out, String text, String first, String rest) {
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : words(text)) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line.setLength(0);
        line.append(rest);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    out.append(line).append('\n');
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '`') {
        quoted = !quoted;
      }
      if (c == ' ' && !quoted) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }
}
