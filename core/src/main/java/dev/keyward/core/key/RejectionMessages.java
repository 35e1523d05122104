package dev.keyward.core.key;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human words for each rejection. They name what is wrong and how to fix it; they never repeat
 * what the user typed, only the characters that are not used in keys and the corrected keys.
 */
final class RejectionMessages {
  private static final String CHECK_AGAINST_ORIGINAL =
      " Check it against the original key (label, e-mail or licence document).";

  private RejectionMessages() {}

  static String wrongLength(int length, List<String> invalid, List<ProductKey> suggestions) {
    String message =
        "A product key has "
            + ProductKey.LENGTH
            + " characters (5 groups of 5), but this one has "
            + length
            + " once spaces and hyphens are removed.";
    if (!invalid.isEmpty()) {
      message += " Also, " + describeInvalid(invalid) + ".";
    }
    return message + suggestionsOrAdvice(suggestions);
  }

  static String farTooLong(int limit) {
    return "A product key has "
        + ProductKey.LENGTH
        + " characters (5 groups of 5), but this input is longer than "
        + limit
        + " characters.";
  }

  static String invalidCharacters(List<String> invalid, List<ProductKey> suggestions) {
    return describeInvalid(invalid) + "." + suggestionsOrAdvice(suggestions);
  }

  static String checksumMismatch(List<ProductKey> suggestions) {
    return "The key is mistyped: its last two characters do not match the others, so a character"
        + " is wrong or two neighbouring characters are swapped."
        + suggestionsOrAdvice(suggestions);
  }

  static String outOfRange() {
    return "This is not a key Keyward issues: its characters spell a number outside the range of"
        + " keys."
        + CHECK_AGAINST_ORIGINAL;
  }

  static String unknownGroup(int group) {
    return "The key is well formed, but its key group ("
        + group
        + ") is not a product, version, edition or channel that this catalog knows. It may be a"
        + " key for another product.";
  }

  private static String suggestionsOrAdvice(List<ProductKey> suggestions) {
    if (suggestions.isEmpty()) {
      return CHECK_AGAINST_ORIGINAL;
    }
    List<String> shown = suggestions.stream().map(ProductKey::display).toList();
    return (shown.size() == 1 ? " Closest valid key: " : " Closest valid keys: ")
        + String.join(", ", shown)
        + ".";
  }

  /**
   * "'O' and '0' are not used in keys (did you mean D or Q?); '#' is not used in keys": characters
   * with the same look-alikes are named together.
   */
  static String describeInvalid(List<String> invalid) {
    Map<String, List<String>> byLookAlikes = new LinkedHashMap<>();
    for (String character : invalid) {
      byLookAlikes
          .computeIfAbsent(
              LookAlikes.symbolsResembling(character.codePointAt(0)), k -> new ArrayList<>())
          .add(quote(character));
    }
    List<String> parts = new ArrayList<>();
    byLookAlikes.forEach(
        (lookAlikes, characters) -> {
          String part =
              joinWith(characters, " and ")
                  + (characters.size() == 1 ? " is" : " are")
                  + " not used in keys";
          if (!lookAlikes.isEmpty()) {
            List<String> symbols = lookAlikes.chars().mapToObj(Character::toString).toList();
            part += " (did you mean " + joinWith(symbols, " or ") + "?)";
          }
          parts.add(part);
        });
    return String.join("; ", parts);
  }

  /** "a", "a and b", "a, b and c" (with "or" in place of "and" as asked). */
  private static String joinWith(List<String> items, String lastSeparator) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + lastSeparator
        + items.get(items.size() - 1);
  }

  /** Visible characters in quotes; controls and other invisible ones as U+XXXX. */
  private static String quote(String character) {
    int codePoint = character.codePointAt(0);
    int type = Character.getType(codePoint);
    boolean invisible =
        Character.isISOControl(codePoint)
            || type == Character.UNASSIGNED
            || type == Character.PRIVATE_USE
            || type == Character.SURROGATE;
    return invisible ? String.format("U+%04X", codePoint) : "'" + character + "'";
  }
}
