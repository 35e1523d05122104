package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Proves the check-digit guarantees from the table itself (for every state, so for every group
 * position), then once more by brute force over every 7-digit group of group 1.
 */
class CheckDigitsTest {

  @Test
  void everyRowAndEveryColumnIsAPermutation() {
    for (int a = 0; a < 10; a++) {
      boolean[] inRow = new boolean[10];
      boolean[] inColumn = new boolean[10];
      for (int b = 0; b < 10; b++) {
        inRow[CheckDigits.step(a, b)] = true;
        inColumn[CheckDigits.step(b, a)] = true;
      }
      for (int v = 0; v < 10; v++) {
        assertThat(inRow[v]).as("row %d has %d", a, v).isTrue();
        assertThat(inColumn[v]).as("column %d has %d", a, v).isTrue();
      }
    }
  }

  @Test
  void theDiagonalIsZeroSoTheCheckDigitIsTheStateReached() {
    for (int a = 0; a < 10; a++) {
      assertThat(CheckDigits.step(a, a)).isZero();
    }
  }

  @Test
  void tableIsWeaklyTotallyAntiSymmetric() {
    for (int c = 0; c < 10; c++) {
      for (int x = 0; x < 10; x++) {
        for (int y = 0; y < 10; y++) {
          if (x != y) {
            assertThat(CheckDigits.step(CheckDigits.step(c, x), y))
                .as("(%d*%d)*%d vs (%d*%d)*%d", c, x, y, c, y, x)
                .isNotEqualTo(CheckDigits.step(CheckDigits.step(c, y), x));
          }
        }
      }
    }
  }

  @Test
  void publishedExample() {
    // Damm's algorithm, worked example: 572 has check digit 4.
    assertThat(CheckDigits.checkDigit(0, "572", 0, 3)).isEqualTo('4');
    assertThat(CheckDigits.valid(0, "5724", 0, 4)).isTrue();
    assertThat(CheckDigits.valid(0, "5723", 0, 4)).isFalse();
  }

  @Test
  void everySingleSubstitutionAndAdjacentSwapOfEveryGroupIsCaught() {
    int state = DigitGroups.startState(1);
    char[] group = new char[DigitGroups.GROUP_LENGTH];
    CharSequence view = java.nio.CharBuffer.wrap(group); // sees every change to group
    long checked = 0;
    for (int data = 0; data < 1_000_000; data++) {
      int rest = data;
      for (int i = DigitGroups.DATA_DIGITS - 1; i >= 0; i--) {
        group[i] = (char) ('0' + rest % 10);
        rest /= 10;
      }
      group[DigitGroups.DATA_DIGITS] = CheckDigits.checkDigit(state, view, 0, 6);
      String valid = new String(group);
      if (!CheckDigits.valid(state, view, 0, 7)) {
        throw new AssertionError("not valid: " + valid);
      }
      for (int i = 0; i < DigitGroups.GROUP_LENGTH; i++) {
        char original = group[i];
        for (char d = '0'; d <= '9'; d++) {
          if (d != original) {
            group[i] = d;
            if (CheckDigits.valid(state, view, 0, 7)) {
              throw new AssertionError("substitution missed: " + valid + " -> " + view);
            }
            checked++;
          }
        }
        group[i] = original;
      }
      for (int i = 0; i + 1 < DigitGroups.GROUP_LENGTH; i++) {
        if (group[i] != group[i + 1]) {
          char t = group[i];
          group[i] = group[i + 1];
          group[i + 1] = t;
          if (CheckDigits.valid(state, view, 0, 7)) {
            throw new AssertionError("swap missed: " + valid + " -> " + view);
          }
          group[i + 1] = group[i];
          group[i] = t;
          checked++;
        }
      }
    }
    // 63 substitutions of each of the 10^6 groups, and the swaps of unequal neighbours.
    assertThat(checked).isGreaterThan(63_000_000L);
  }

  @Test
  void aGroupTypedInAnotherPlaceIsCaughtWhenThePlacesDifferModTen() {
    // Columns are permutations: the same digits read from two different states end differently.
    for (int c = 0; c < 10; c++) {
      for (int other = 0; other < 10; other++) {
        if (c != other) {
          for (int x = 0; x < 10; x++) {
            assertThat(CheckDigits.step(c, x)).isNotEqualTo(CheckDigits.step(other, x));
          }
        }
      }
    }
    String group1 = DigitGroups.write(java.math.BigInteger.valueOf(123456), 1);
    assertThat(DigitGroups.isValidGroup(1, group1)).isTrue();
    for (int g = 2; g <= 10; g++) {
      assertThat(DigitGroups.isValidGroup(g, group1)).as("group 1 typed as group %d", g).isFalse();
    }
    assertThat(DigitGroups.isValidGroup(11, group1)).as("11 = 1 mod 10: same state").isTrue();
  }
}
