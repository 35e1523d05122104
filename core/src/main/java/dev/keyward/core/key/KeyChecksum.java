package dev.keyward.core.key;

/**
 * The public check on a key: the 25th and 24th symbols are a weighted sum of the 23 data symbols,
 * so a client can reject a mistyped key offline, before anything is sent to the authority.
 *
 * <p>{@code C = (sum of w_i * v_i over the data symbols) mod 571}, written as two base-24 symbols
 * {@code C / 24} and {@code C % 24}. 571 is the largest prime that two base-24 symbols can hold (24
 * * 24 = 576). A key is accepted only if its two check symbols spell a number below 571 that equals
 * the sum.
 *
 * <p>Why every single substitution and every adjacent transposition is caught:
 *
 * <ul>
 *   <li>A data symbol changed by {@code d} (0 < |d| < 24) moves the sum by {@code w_i * d}. The
 *       modulus is prime and neither factor is a multiple of it, so the sum moves and the unchanged
 *       check symbols no longer match.
 *   <li>A check symbol changed by {@code d} moves the check number by {@code 24 * d} or {@code d},
 *       never 0, while the sum stays: it no longer matches (or is 571 or more).
 *   <li>Swapping different data symbols {@code a, b} at positions i, i+1 moves the sum by {@code
 *       (w_i - w_{i+1}) * (b - a)}: non-zero because adjacent weights differ.
 *   <li>Swapping the last data symbol {@code a} with the first check symbol {@code b} moves the sum
 *       by {@code w_22 * (b - a)} and the check number by {@code 24 * (a - b)}; they stay equal
 *       only if {@code (w_22 + 24) * (b - a)} is a multiple of 571, which {@code w_22 != 571 - 24}
 *       rules out.
 *   <li>Swapping the two check symbols {@code b, c} turns {@code 24b + c} into {@code 24c + b}: a
 *       change of {@code 23 * (c - b)}, never 0.
 * </ul>
 *
 * <p>The weights are the powers {@code 3^1 .. 3^23} mod 571. 3 generates every non-zero residue, so
 * the weights are all distinct (which also catches swaps across one symbol) and spread over the
 * whole range (so small-number coincidences between positions are no likelier than chance).
 * KeyChecksumTest proves the list above exhaustively.
 */
final class KeyChecksum {
  static final int MODULUS = 571;
  static final int DATA_SYMBOLS = 23;
  static final int CHECK_SYMBOLS = 2;
  static final int KEY_SYMBOLS = DATA_SYMBOLS + CHECK_SYMBOLS;

  private static final int GENERATOR = 3;
  private static final int[] WEIGHTS = powersOfGenerator();

  private KeyChecksum() {}

  private static int[] powersOfGenerator() {
    int[] weights = new int[DATA_SYMBOLS];
    int power = 1;
    for (int i = 0; i < DATA_SYMBOLS; i++) {
      power = power * GENERATOR % MODULUS;
      weights[i] = power;
    }
    return weights;
  }

  /** The weight of data position {@code i} (0-based, most significant symbol first). */
  static int weight(int position) {
    return WEIGHTS[position];
  }

  /** {@code sum of w_i * v_i mod 571} over the first 23 entries of {@code symbols}. */
  static int weightedSum(int[] symbols) {
    int sum = 0;
    for (int i = 0; i < DATA_SYMBOLS; i++) {
      sum += WEIGHTS[i] * symbols[i]; // at most 23 * 570 * 23: no overflow
    }
    return sum % MODULUS;
  }

  /** {@code sum} moved by replacing {@code oldValue} with {@code newValue} at data position i. */
  static int adjustedSum(int sum, int position, int oldValue, int newValue) {
    if (position >= DATA_SYMBOLS) {
      return sum; // check symbols are not part of the sum
    }
    return Math.floorMod(sum + WEIGHTS[position] * (newValue - oldValue), MODULUS);
  }

  /** Whether check symbols {@code first, second} are the ones a data sum calls for. */
  static boolean matches(int sum, int first, int second) {
    int check = first * KeyAlphabet.SIZE + second;
    return check < MODULUS && check == sum;
  }

  /** Whether a 25-symbol key's check symbols match its data symbols. */
  static boolean accepts(int[] symbols) {
    return matches(weightedSum(symbols), symbols[DATA_SYMBOLS], symbols[DATA_SYMBOLS + 1]);
  }

  /** Writes the check symbols for the data symbols already in {@code symbols[0..22]}. */
  static void complete(int[] symbols) {
    int sum = weightedSum(symbols);
    symbols[DATA_SYMBOLS] = sum / KeyAlphabet.SIZE;
    symbols[DATA_SYMBOLS + 1] = sum % KeyAlphabet.SIZE;
  }
}
