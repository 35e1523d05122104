package dev.keyward.core.key;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Finds the keys a user most likely meant when what they typed fails the offline checks: every key
 * one slip away (a changed symbol, two swapped neighbours, a dropped or doubled symbol, or the
 * right symbols where foreign characters stand) that passes the checksum, encodes a value in range
 * and names a known key group. The tag is not checked: only the authority can.
 *
 * <p>Candidates are tried in O(1) each against the checksum, which is linear, so only the few that
 * pass it (about one in 571) pay for unscrambling.
 */
final class KeyCorrections {
  static final int MAX_SUGGESTIONS = 5;

  /**
   * Trying every symbol at this many unreadable positions is 24^3 candidates, of which some 24 pass
   * the checksum by chance; beyond that only look-alike replacements are tried.
   */
  private static final int MAX_POSITIONS_TRYING_EVERY_SYMBOL = 3;

  private static final int MAX_POSITIONS_TRYING_LOOK_ALIKES = 8;

  // Costs: the likelier the slip, the lower; suggestions are ranked by cost.
  private static final int LOOK_ALIKE = 0;
  private static final int TRANSPOSITION = 1;
  private static final int OTHER_SUBSTITUTION = 2;
  private static final int DROPPED_OR_DOUBLED = 3;

  private record Candidate(int cost, int order, int[] symbols) {}

  private final IntPredicate knownGroup;
  private final List<Candidate> found = new ArrayList<>();

  private KeyCorrections(IntPredicate knownGroup) {
    this.knownGroup = knownGroup;
  }

  /** For 25 key symbols whose check symbols do not match. */
  static List<ProductKey> forMistyped(int[] symbols, IntPredicate knownGroup) {
    KeyCorrections corrections = new KeyCorrections(knownGroup);
    int[] work = symbols.clone();
    int sum = KeyChecksum.weightedSum(work);
    corrections.trySubstitutions(work, sum);
    corrections.tryTranspositions(work, sum);
    return corrections.ranked();
  }

  /** For 25 characters of which some are not key symbols: replaces exactly those. */
  static List<ProductKey> forInvalidCharacters(int[] codePoints, IntPredicate knownGroup) {
    KeyCorrections corrections = new KeyCorrections(knownGroup);
    corrections.tryReplacingInvalid(codePoints);
    return corrections.ranked();
  }

  /** For one symbol too few or too many (all of them key symbols); otherwise none. */
  static List<ProductKey> forWrongLength(int[] codePoints, IntPredicate knownGroup) {
    KeyCorrections corrections = new KeyCorrections(knownGroup);
    int[] symbols = new int[codePoints.length];
    for (int i = 0; i < symbols.length; i++) {
      symbols[i] = KeyAlphabet.valueOf(codePoints[i]);
      if (symbols[i] < 0) {
        return List.of();
      }
    }
    if (symbols.length == ProductKey.LENGTH - 1) {
      corrections.tryInsertions(symbols);
    } else if (symbols.length == ProductKey.LENGTH + 1) {
      corrections.tryDeletions(symbols);
    }
    return corrections.ranked();
  }

  private void trySubstitutions(int[] symbols, int sum) {
    for (int position = 0; position < ProductKey.LENGTH; position++) {
      int typed = KeyAlphabet.symbol(symbols[position]);
      for (int replacement : LookAlikes.replacementsFor(typed)) {
        if (acceptsWith(symbols, sum, position, replacement)) {
          int[] corrected = symbols.clone();
          corrected[position] = replacement;
          consider(
              LookAlikes.resemble(typed, replacement) ? LOOK_ALIKE : OTHER_SUBSTITUTION, corrected);
        }
      }
    }
  }

  private void tryTranspositions(int[] symbols, int sum) {
    for (int position = 0; position + 1 < ProductKey.LENGTH; position++) {
      int first = symbols[position];
      int second = symbols[position + 1];
      if (first == second) {
        continue;
      }
      // Swap in place to test, then put back: this runs for every rejected key.
      symbols[position] = second;
      int sumWithFirstMoved = KeyChecksum.adjustedSum(sum, position, first, second);
      boolean accepted = acceptsWith(symbols, sumWithFirstMoved, position + 1, first);
      symbols[position] = first;
      if (accepted) {
        int[] corrected = symbols.clone();
        corrected[position] = second;
        corrected[position + 1] = first;
        consider(TRANSPOSITION, corrected);
      }
    }
  }

  /** Whether {@code symbols} with one position replaced passes, given their data sum. */
  private static boolean acceptsWith(int[] symbols, int sum, int position, int replacement) {
    int newSum = KeyChecksum.adjustedSum(sum, position, symbols[position], replacement);
    int first =
        position == KeyChecksum.DATA_SYMBOLS ? replacement : symbols[KeyChecksum.DATA_SYMBOLS];
    int second =
        position == KeyChecksum.DATA_SYMBOLS + 1
            ? replacement
            : symbols[KeyChecksum.DATA_SYMBOLS + 1];
    return KeyChecksum.matches(newSum, first, second);
  }

  private void tryReplacingInvalid(int[] codePoints) {
    int[] work = new int[ProductKey.LENGTH];
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < ProductKey.LENGTH; i++) {
      work[i] = KeyAlphabet.valueOf(codePoints[i]);
      if (work[i] < 0) {
        open.add(i);
        work[i] = 0; // a placeholder that adds nothing to the sum
      }
    }
    if (open.size() > MAX_POSITIONS_TRYING_LOOK_ALIKES) {
      return;
    }
    boolean everySymbol = open.size() <= MAX_POSITIONS_TRYING_EVERY_SYMBOL;
    int[][] options = new int[open.size()][];
    for (int k = 0; k < options.length; k++) {
      int typed = codePoints[open.get(k)];
      options[k] =
          everySymbol ? LookAlikes.replacementsFor(typed) : LookAlikes.lookAlikeValuesOf(typed);
    }
    fillOpenPositions(
        codePoints, work, open, options, 0, KeyChecksum.weightedSum(work), LOOK_ALIKE);
  }

  /** Tries every combination of options at the open positions from {@code k} on. */
  private void fillOpenPositions(
      int[] codePoints, int[] work, List<Integer> open, int[][] options, int k, int sum, int cost) {
    if (k == open.size()) {
      if (KeyChecksum.matches(
          sum, work[KeyChecksum.DATA_SYMBOLS], work[KeyChecksum.DATA_SYMBOLS + 1])) {
        consider(cost, work.clone());
      }
      return;
    }
    int position = open.get(k);
    for (int value : options[k]) {
      work[position] = value;
      int stepCost =
          LookAlikes.resemble(codePoints[position], value) ? LOOK_ALIKE : OTHER_SUBSTITUTION;
      fillOpenPositions(
          codePoints,
          work,
          open,
          options,
          k + 1,
          KeyChecksum.adjustedSum(sum, position, 0, value),
          cost + stepCost);
    }
    work[position] = 0;
  }

  private void tryInsertions(int[] symbols) {
    int[] candidate = new int[ProductKey.LENGTH];
    for (int position = 0; position < ProductKey.LENGTH; position++) {
      System.arraycopy(symbols, 0, candidate, 0, position);
      System.arraycopy(symbols, position, candidate, position + 1, symbols.length - position);
      for (int value = 0; value < KeyAlphabet.SIZE; value++) {
        candidate[position] = value;
        if (KeyChecksum.accepts(candidate)) {
          consider(DROPPED_OR_DOUBLED, candidate.clone());
        }
      }
    }
  }

  private void tryDeletions(int[] symbols) {
    int[] candidate = new int[ProductKey.LENGTH];
    for (int position = 0; position < symbols.length; position++) {
      System.arraycopy(symbols, 0, candidate, 0, position);
      System.arraycopy(symbols, position + 1, candidate, position, symbols.length - position - 1);
      if (KeyChecksum.accepts(candidate)) {
        consider(DROPPED_OR_DOUBLED, candidate.clone());
      }
    }
  }

  /** Keeps a checksum-valid candidate if it encodes a value in range of a known key group. */
  private void consider(int cost, int[] symbols) {
    ProductKeyCodec.readPayload(symbols)
        .filter(payload -> knownGroup.test(payload.group()))
        .ifPresent(payload -> found.add(new Candidate(cost, found.size(), symbols)));
  }

  private List<ProductKey> ranked() {
    Set<String> distinct = new LinkedHashSet<>();
    found.stream()
        .sorted(Comparator.comparingInt(Candidate::cost).thenComparingInt(Candidate::order))
        .map(candidate -> KeyAlphabet.spell(candidate.symbols()))
        .forEach(distinct::add);
    return distinct.stream().limit(MAX_SUGGESTIONS).map(ProductKey::new).toList();
  }
}
