package dev.keyward.core.phone;

/**
 * The Damm check digit (H. Michael Damm, 2004) over decimal digits, with a starting state.
 *
 * <p>The table is a quasigroup of order 10 that is weakly totally anti-symmetric: {@code (c*x)*y ==
 * (c*y)*x} only when {@code x == y}, for every state {@code c}. Reading a digit string from state
 * {@code c} and ending in state 0 means the string is valid. Because every row and every column of
 * the table is a permutation, a changed state never becomes equal again further along, so:
 *
 * <ul>
 *   <li>every single-digit substitution is caught (check digit included): in row {@code c}, {@code
 *       c*x != c*x'} for {@code x != x'};
 *   <li>every transposition of two adjacent different digits is caught (check digit included): by
 *       anti-symmetry, {@code (c*x)*y != (c*y)*x};
 *   <li>a group read from another starting state fails: for the same digits, different states stay
 *       different to the end (columns are permutations).
 * </ul>
 *
 * <p>Damm rather than Verhoeff: the same guarantees with one 10 x 10 table and no
 * position-dependent permutation, and the check digit needs no special case (it is read like any
 * other digit). Unlike weighted sums mod 10 (Luhn, UPC), it misses no adjacent transposition (Luhn
 * misses 09 / 90). CheckDigitsTest proves all of the above exhaustively for the 7-digit groups used
 * here.
 */
final class CheckDigits {
  /** Damm's table of order 10 with zero diagonal: {@code TABLE[state][digit]} is the next state. */
  private static final int[][] TABLE = {
    {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
    {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
    {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
    {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
    {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
    {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
    {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
    {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
    {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
    {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}
  };

  private CheckDigits() {}

  /** The state after reading {@code digits[from..to)} from {@code state}. */
  static int run(int state, CharSequence digits, int from, int to) {
    int interim = state;
    for (int i = from; i < to; i++) {
      interim = TABLE[interim][digits.charAt(i) - '0'];
    }
    return interim;
  }

  /**
   * The digit that, appended to {@code digits[from..to)}, makes the string valid from {@code
   * state}. The diagonal of the table is zero, so it is the state reached itself.
   */
  static char checkDigit(int state, CharSequence digits, int from, int to) {
    return (char) ('0' + run(state, digits, from, to));
  }

  /** Whether {@code digits[from..to)}, its check digit last, is valid from {@code state}. */
  static boolean valid(int state, CharSequence digits, int from, int to) {
    return run(state, digits, from, to) == 0;
  }

  /** One step of the table: for the proofs in tests. */
  static int step(int state, int digit) {
    return TABLE[state][digit];
  }
}
