package dev.keyward.core.key;

import java.text.Normalizer;

/**
 * Turns what a user typed or pasted into the key's characters: upper case, without the spaces,
 * hyphens (missing, extra or typographic) and invisible characters that copying from documents,
 * mails and chat brings along.
 */
final class KeyNormaliser {
  private static final int MINUS_SIGN = '\u2212';

  private KeyNormaliser() {}

  /** The code points left once separators are dropped, upper-cased. */
  static int[] normalise(String input) {
    int[] ascii = normaliseAscii(input);
    if (ascii != null) {
      return ascii;
    }
    return normaliseText(input);
  }

  /** Any text: NFKC, then separators dropped and letters upper-cased. */
  static int[] normaliseText(String input) {
    // NFKC folds full-width letters and digits (typed with East Asian input methods) to ASCII.
    String folded = Normalizer.normalize(input, Normalizer.Form.NFKC);
    return folded.codePoints().filter(cp -> !isSeparator(cp)).map(Character::toUpperCase).toArray();
  }

  /**
   * The same for input that is all ASCII (what clients send), without the stream pipeline: NFKC
   * leaves ASCII as it is. Null when a character is not ASCII.
   */
  private static int[] normaliseAscii(String input) {
    int[] out = new int[input.length()];
    int n = 0;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      if (!isSeparator(c)) {
        out[n++] = Character.toUpperCase(c);
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /** Spaces, dashes and invisible characters: what normalising drops between symbols. */
  static boolean isSeparator(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint) // no-break spaces, which isWhitespace leaves in
        || type == Character.DASH_PUNCTUATION // '-', en and em dashes that word processors insert
        || codePoint == MINUS_SIGN
        || type == Character.FORMAT; // zero-width spaces and joiners, byte-order marks
  }
}
