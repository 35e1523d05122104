package dev.keyward.lab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A step's {@code run:} text: placeholders, words, and whether running it changes anything. */
final class CommandText {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{([A-Za-z0-9_-]+)(?::(typo|lower|nohyphens|spaces))?}");

  /**
   * What a user typing a key in a hurry writes for a key symbol: a character keys never use that
   * looks like it (O for D, I for 7, S for 8, Z for 2…), as seed 004 lists them.
   */
  private static final Map<Character, Character> MISREAD =
      Map.ofEntries(
          Map.entry('D', 'O'),
          Map.entry('Q', 'O'),
          Map.entry('7', 'I'),
          Map.entry('T', '1'),
          Map.entry('6', 'S'),
          Map.entry('8', '5'),
          Map.entry('2', 'Z'),
          Map.entry('4', 'A'),
          Map.entry('F', 'E'),
          Map.entry('3', 'E'),
          Map.entry('V', 'U'),
          Map.entry('M', 'N'));

  private CommandText() {}

  /**
   * {@code {name}} replaced by the key of that name, as typed; unknown names are left as they are.
   * {@code {name:typo}} is the key with one symbol misread (a character keys never use in its
   * place), {@code {name:lower}} in lower case, {@code {name:nohyphens}} without hyphens, {@code
   * {name:spaces}} with spaces between the groups.
   */
  static String substitute(String text, Map<String, String> keys) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = keys.get(m.group(1));
      String typed = key == null ? m.group() : typed(key, m.group(2));
      m.appendReplacement(out, Matcher.quoteReplacement(typed));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String typed(String key, String how) {
    if (how == null) {
      return key;
    }
    return switch (how) {
      case "lower" -> key.toLowerCase(Locale.ROOT);
      case "nohyphens" -> key.replace("-", "");
      case "spaces" -> key.replace("-", " ");
      case "typo" -> typo(key);
      default -> key;
    };
  }

  /** The key with its first misreadable symbol misread (from the second group on). */
  static String typo(String key) {
    for (int i = 6; i < key.length(); i++) {
      Character misread = MISREAD.get(key.charAt(i));
      if (misread != null) {
        return key.substring(0, i) + misread + key.substring(i + 1);
      }
    }
    char first = key.charAt(0);
    return (first == 'B' ? 'C' : 'B') + key.substring(1);
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
      case "status", "expiry", "explain", "diagnose" -> true;
      case "slmgr" ->
          rest.size() >= 1
              && List.of("dli", "dlv", "xpr", "?")
                  .contains(rest.get(0).replaceFirst("^[/-]+", "").toLowerCase(Locale.ROOT));
      case "dism" ->
          rest.stream()
              .map(w -> w.toLowerCase(Locale.ROOT))
              .anyMatch(w -> w.matches("[/-]get-(currentedition|targeteditions)"));
      case "vm-host" -> rest.size() == 1 && rest.get(0).equalsIgnoreCase("guests");
      case "admin" ->
          String.join(" ", rest).matches("(?i).*\\b(keys show|activations list|audit verify)\\b.*");
      default -> false;
    };
  }
}
