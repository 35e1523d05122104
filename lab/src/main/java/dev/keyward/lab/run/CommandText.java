package dev.keyward.lab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A step's {@code run:} text: placeholders, words, and whether running it changes anything. */
final class CommandText {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

  private CommandText() {}

  /** {@code {name}} replaced by the key of that name; unknown names are left as they are. */
  static String substitute(String text, Map<String, String> keys) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = keys.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(key == null ? m.group() : key));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The words of a command line, split at blanks; single or double quotes keep blanks inside a
   * word. A leading {@code keyward} is dropped ({@code run: "keyward slmgr /ato"} is allowed).
   */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in: " + text);
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (!words.isEmpty() && words.get(0).equalsIgnoreCase("keyward")) {
      words.remove(0);
    }
    return words;
  }

  /**
   * Whether the command only looks ({@code slmgr /dli}, {@code /dlv}, {@code /xpr}, {@code status},
   * {@code expiry}, {@code dism /Get-…}, {@code admin keys show}, …), so that running it a second
   * time, once for the console and once with {@code --json}, changes nothing.
   */
  static boolean readOnly(List<String> words) {
    if (words.isEmpty()) {
      return false;
    }
    String verb = words.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = words.subList(1, words.size());
    return switch (verb) {
      case "status", "expiry", "explain" -> true;
      case "slmgr" ->
          rest.size() >= 1
              && List.of("dli", "dlv", "xpr", "?")
                  .contains(rest.get(0).replaceFirst("^[/-]+", "").toLowerCase(Locale.ROOT));
      case "dism" ->
          rest.stream()
              .map(w -> w.toLowerCase(Locale.ROOT))
              .anyMatch(w -> w.matches("[/-]get-(currentedition|targeteditions)"));
      case "admin" ->
          String.join(" ", rest).matches("(?i).*\\b(keys show|activations list|audit verify)\\b.*");
      default -> false;
    };
  }
}
