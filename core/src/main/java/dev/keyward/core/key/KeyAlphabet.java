package dev.keyward.core.key;

/**
 * The 24 symbols product keys are written in. Letters and digits that are easily confused with one
 * another (A E I L N O S U Z 0 1 5) are left out, so that O/0, I/1/L and S/5 can never be misread
 * as a different valid symbol.
 */
public final class KeyAlphabet {
  /** The symbols in value order: the symbol at index {@code v} writes the base-24 digit v. */
  public static final String SYMBOLS = "BCDFGHJKMPQRTVWXY2346789";

  /** The base of the numbers keys are written in. */
  public static final int SIZE = 24;

  // Indexed by ASCII code point; -1 for everything that is not a symbol.
  private static final int[] VALUE_OF_ASCII = new int[128];

  static {
    if (SYMBOLS.length() != SIZE || SYMBOLS.chars().distinct().count() != SIZE) {
      throw new AssertionError("the alphabet must be 24 distinct symbols");
    }
    java.util.Arrays.fill(VALUE_OF_ASCII, -1);
    for (int value = 0; value < SIZE; value++) {
      VALUE_OF_ASCII[SYMBOLS.charAt(value)] = value;
    }
  }

  private KeyAlphabet() {}

  /** The digit value (0..23) of a symbol, or -1 when the code point is not a key symbol. */
  public static int valueOf(int codePoint) {
    return codePoint >= 0 && codePoint < VALUE_OF_ASCII.length ? VALUE_OF_ASCII[codePoint] : -1;
  }

  /** Whether the code point is one of the 24 key symbols (upper case only). */
  public static boolean contains(int codePoint) {
    return valueOf(codePoint) >= 0;
  }

  /** The symbol that writes a digit value. */
  public static char symbol(int value) {
    return SYMBOLS.charAt(value);
  }

  /** Spells digit values as symbols. */
  static String spell(int[] values) {
    StringBuilder text = new StringBuilder(values.length);
    for (int value : values) {
      text.append(symbol(value));
    }
    return text.toString();
  }
}
