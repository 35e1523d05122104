package dev.keyward.core.key;

import java.util.HashMap;
import java.util.Map;

/**
 * Which key symbols a character is likely to be a misreading of: used to explain characters keys
 * never use, and to rank corrections so that the likeliest come first.
 */
final class LookAlikes {
  private static final Map<Integer, String> RESEMBLING = new HashMap<>();

  static {
    // Characters that keys never use, and the symbols people most likely saw.
    for (String entry :
        new String[] {
          "O:DQ", "0:DQ", "I:7T", "1:7T", "L:7T", "S:68", "5:68", "Z:2", "A:4", "E:F3", "U:V", "N:M"
        }) {
      RESEMBLING.put((int) entry.charAt(0), entry.substring(2));
    }
    // Pairs of key symbols that are misread as each other, on paper, stickers and screens.
    for (String pair : new String[] {"B8", "G6", "DQ", "T7", "CG", "VY", "PR", "KX", "38", "MW"}) {
      RESEMBLING.merge((int) pair.charAt(0), pair.substring(1), String::concat);
      RESEMBLING.merge((int) pair.charAt(1), pair.substring(0, 1), String::concat);
    }
  }

  private LookAlikes() {}

  /** The key symbols {@code codePoint} is easily mistaken for ("" when none). */
  static String symbolsResembling(int codePoint) {
    return RESEMBLING.getOrDefault(codePoint, "");
  }

  /** Whether the symbol of value {@code value} is easily mistaken for {@code codePoint}. */
  static boolean resemble(int codePoint, int value) {
    return symbolsResembling(codePoint).indexOf(KeyAlphabet.symbol(value)) >= 0;
  }

  /**
   * Every symbol value that could stand where {@code codePoint} was typed, look-alikes first, then
   * the rest in alphabet order; never the value of {@code codePoint} itself.
   */
  static int[] replacementsFor(int codePoint) {
    int own = KeyAlphabet.valueOf(codePoint);
    String resembling = symbolsResembling(codePoint);
    int[] replacements = new int[own < 0 ? KeyAlphabet.SIZE : KeyAlphabet.SIZE - 1];
    int next = 0;
    for (int i = 0; i < resembling.length(); i++) {
      replacements[next++] = KeyAlphabet.valueOf(resembling.charAt(i));
    }
    for (int value = 0; value < KeyAlphabet.SIZE; value++) {
      if (value != own && resembling.indexOf(KeyAlphabet.symbol(value)) < 0) {
        replacements[next++] = value;
      }
    }
    return replacements;
  }

  /** Only the look-alike values of {@code codePoint}, most likely first. */
  static int[] lookAlikeValuesOf(int codePoint) {
    return symbolsResembling(codePoint).chars().map(KeyAlphabet::valueOf).toArray();
  }
}
