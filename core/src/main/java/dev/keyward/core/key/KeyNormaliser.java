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
    // NFKC folds full-width letters and digits (typed with East Asian input methods) to ASCII.
    String folded = Normalizer.normalize(input, Normalizer.Form.NFKC);
    return folded.codePoints().filter(cp -> !isSeparator(cp)).map(Character::toUpperCase).toArray();
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
