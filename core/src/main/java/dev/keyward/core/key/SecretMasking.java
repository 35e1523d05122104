package dev.keyward.core.key;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks secrets pasted into free text (a support reason, a note, an actor's name) before it is
 * stored or logged: a product key, written in any way {@link ProductKeyCodec} would read it,
 * becomes {@code XXXXX-XXXXX-XXXXX-XXXXX-ABCDE} (its partial key, the last 5 symbols, stays: it is
 * what support uses to find a key and is not a secret); an admin token becomes {@code
 * kwa_[masked]}.
 *
 * <p>What counts as a key, on the safe side of "would it be read as one": runs of key symbols (any
 * case, full-width forms too) joined by at most {@value #MAX_GAP} separators (spaces, dashes,
 * invisible characters, as the key reader drops them). Consecutive runs that add up to exactly 25
 * symbols are one key, kept as its partial key. Where symbols add up to 25 or more but no such
 * group lines up (a key glued to the word before it, a key with a symbol too many), every symbol of
 * the stretch is masked: a near-key is almost the key. Text with no 25 symbols in a row of that
 * shape is returned unchanged.
 */
public final class SecretMasking {
  /** What a masked key looks like before its partial key. */
  public static final String MASK = "XXXXX-XXXXX-XXXXX-XXXXX-";

  private static final int KEY_SYMBOLS = 25;
  private static final int PARTIAL = 5;
  private static final int MAX_GAP = 3;

  /** Admin tokens ({@code kwa_} + base64url) and whatever follows "Bearer". */
  private static final Pattern TOKEN = Pattern.compile("kwa_[A-Za-z0-9_-]{8,}");

  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");

  private SecretMasking() {}

  /** {@code text} with every key and token in it masked; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String tokensMasked = BEARER.matcher(text).replaceAll("$1[masked]");
    tokensMasked = TOKEN.matcher(tokensMasked).replaceAll("kwa_[masked]");
    return maskKeys(tokensMasked);
  }

  /** Whether {@link #mask} would change {@code text}. */
  public static boolean containsSecret(String text) {
    return text != null && !mask(text).equals(text);
  }

  /** A maximal run of key symbols: code point indexes {@code [start, end)}. */
  private record Group(int start, int end) {
    int size() {
      return end - start;
    }
  }

  private static String maskKeys(String text) {
    int[] cps = text.codePoints().toArray();
    List<Group> groups = groups(cps);
    char[] symbols = new char[cps.length];
    for (int i = 0; i < cps.length; i++) {
      symbols[i] = symbol(cps[i]);
    }
    // What replaces each group: null = unchanged.
    String[] replacement = new String[groups.size()];
    boolean[] dropped = new boolean[groups.size()];
    int runStart = 0;
    while (runStart < groups.size()) {
      int runEnd = runStart + 1;
      while (runEnd < groups.size() && joined(cps, groups.get(runEnd - 1), groups.get(runEnd))) {
        runEnd++;
      }
      maskRun(groups, runStart, runEnd, symbols, replacement, dropped);
      runStart = runEnd;
    }
    return render(cps, groups, replacement, dropped);
  }

  private static void maskRun(
      List<Group> groups,
      int from,
      int to,
      char[] symbols,
      String[] replacement,
      boolean[] dropped) {
    boolean[] inKey = new boolean[to - from];
    int i = from;
    while (i < to) {
      int sum = 0;
      int j = i;
      while (j < to && sum < KEY_SYMBOLS) {
        sum += groups.get(j).size();
        j++;
      }
      if (sum == KEY_SYMBOLS) {
        StringBuilder partial = new StringBuilder(MASK);
        // The last 5 symbols of the key; the last group may be shorter than 5.
        List<Character> tail = new ArrayList<>();
        for (int g = j - 1; g >= i && tail.size() < PARTIAL; g--) {
          Group group = groups.get(g);
          for (int k = group.end() - 1; k >= group.start() && tail.size() < PARTIAL; k--) {
            tail.add(0, symbols[k]);
          }
        }
        tail.forEach(partial::append);
        replacement[i] = partial.toString();
        for (int g = i; g < j; g++) {
          inKey[g - from] = true;
          dropped[g] = g > i;
        }
        i = j;
      } else {
        i++;
      }
    }
    // Stretches outside any key that still hold 25 symbols or more: every symbol masked.
    int s = from;
    while (s < to) {
      if (inKey[s - from]) {
        s++;
        continue;
      }
      int e = s;
      int sum = 0;
      while (e < to && !inKey[e - from]) {
        sum += groups.get(e).size();
        e++;
      }
      if (sum >= KEY_SYMBOLS) {
        for (int g = s; g < e; g++) {
          replacement[g] = "X".repeat(groups.get(g).size());
        }
      }
      s = e;
    }
  }

  /**
   * The text with replacements: a key's first group is replaced by the masked key and the rest of
   * the key (its other groups and the separators between them) is dropped.
   */
  private static String render(
      int[] cps, List<Group> groups, String[] replacement, boolean[] dropped) {
    StringBuilder out = new StringBuilder(cps.length);
    int at = 0;
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      if (dropped[g]) {
        at = group.end();
        continue;
      }
      appendRange(out, cps, at, group.start());
      if (replacement[g] == null) {
        appendRange(out, cps, group.start(), group.end());
      } else {
        out.append(replacement[g]);
      }
      at = group.end();
      // A key's dropped groups: skip the separators up to the next kept group too.
      if (g + 1 < groups.size() && dropped[g + 1]) {
        at = groups.get(g + 1).start();
      }
    }
    appendRange(out, cps, at, cps.length);
    return out.toString();
  }

  private static void appendRange(StringBuilder out, int[] cps, int from, int to) {
    for (int k = from; k < to; k++) {
      out.appendCodePoint(cps[k]);
    }
  }

  private static List<Group> groups(int[] cps) {
    List<Group> groups = new ArrayList<>();
    int i = 0;
    while (i < cps.length) {
      if (symbol(cps[i]) == 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < cps.length && symbol(cps[i]) != 0) {
        i++;
      }
      groups.add(new Group(start, i));
    }
    return groups;
  }

  /** Whether only a few separators stand between two groups. */
  private static boolean joined(int[] cps, Group before, Group after) {
    int gap = after.start() - before.end();
    if (gap > MAX_GAP) {
      return false;
    }
    for (int k = before.end(); k < after.start(); k++) {
      if (!KeyNormaliser.isSeparator(cps[k])) {
        return false;
      }
    }
    return true;
  }

  /** The key symbol a code point reads as (upper case, full-width folded), or 0. */
  private static char symbol(int cp) {
    int folded = cp;
    if (cp > 127) {
      String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
      if (nfkc.length() != 1) {
        return 0;
      }
      folded = nfkc.charAt(0);
    }
    int upper = Character.toUpperCase(folded);
    return KeyAlphabet.contains(upper) ? (char) upper : 0;
  }
}
