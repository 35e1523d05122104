package dev.keyward.core.key;

import java.util.Objects;

/**
 * A well-formed product key: 25 key symbols whose check symbols match. Obtain one from {@link
 * ProductKeyCodec}; the constructor checks form only, not the authority tag or the key group.
 *
 * <p>A full key is a secret of its owner: {@link #toString()} shows only the partial key, and
 * {@link #canonical()} / {@link #display()} are for the user who typed it and for the store's
 * {@link KeyFingerprint}, never for logs.
 *
 * @param canonical the 25 symbols, upper case, without hyphens
 */
public record ProductKey(String canonical) {
  public static final int LENGTH = KeyChecksum.KEY_SYMBOLS;
  public static final int GROUP_LENGTH = 5;

  private static final String MASKED_GROUP = "*".repeat(GROUP_LENGTH);

  public ProductKey {
    Objects.requireNonNull(canonical, "canonical");
    // The message must not repeat the text: it may be a real key with one typo.
    if (!isWellFormed(canonical)) {
      throw new IllegalArgumentException(
          "not a product key in canonical form (25 key symbols, matching check symbols)");
    }
  }

  static ProductKey of(int[] symbols) {
    return new ProductKey(KeyAlphabet.spell(symbols));
  }

  private static boolean isWellFormed(String text) {
    if (text.length() != LENGTH) {
      return false;
    }
    int[] symbols = new int[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      symbols[i] = KeyAlphabet.valueOf(text.charAt(i));
      if (symbols[i] < 0) {
        return false;
      }
    }
    return KeyChecksum.accepts(symbols);
  }

  /** The partial product key: the last 5 symbols, what support and {@code /dli} show. */
  public String partial() {
    return canonical.substring(LENGTH - GROUP_LENGTH);
  }

  /** The full key as people read and type it: {@code XXXXX-XXXXX-XXXXX-XXXXX-XXXXX}. */
  public String display() {
    StringBuilder grouped = new StringBuilder(LENGTH + LENGTH / GROUP_LENGTH);
    for (int start = 0; start < LENGTH; start += GROUP_LENGTH) {
      if (start > 0) {
        grouped.append('-');
      }
      grouped.append(canonical, start, start + GROUP_LENGTH);
    }
    return grouped.toString();
  }

  /** Masked: {@code *****-*****-*****-*****-XXXXX}. */
  @Override
  public String toString() {
    return (MASKED_GROUP + "-").repeat(LENGTH / GROUP_LENGTH - 1) + partial();
  }
}
