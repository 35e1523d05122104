package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Proves, by trying every case, that the checksum catches every single-symbol substitution and
 * every adjacent transposition anywhere in a key.
 *
 * <p>Why a finite enumeration covers all 24^23 keys: the check is "check number == data sum mod
 * 571", and the sum is linear. Changing data symbols moves the sum by an amount that depends only
 * on the positions and the old and new values, not on the rest of the key; so for edits inside the
 * data symbols it is enough to try them on one key. Edits that touch a check symbol also depend on
 * the check number, so those are tried on a key for each of the 571 possible sums.
 */
class KeyChecksumTest {
  private static final int DATA = KeyChecksum.DATA_SYMBOLS;
  private static final int LENGTH = KeyChecksum.KEY_SYMBOLS;
  private static final int BASE = KeyAlphabet.SIZE;

  @Test
  void weightsAreInRangeAdjacentOnesDifferAndTheLastAvoidsTheCheckSymbolCollision() {
    for (int i = 0; i < DATA; i++) {
      assertThat(KeyChecksum.weight(i)).isBetween(1, KeyChecksum.MODULUS - 1);
      if (i > 0) {
        assertThat(KeyChecksum.weight(i)).isNotEqualTo(KeyChecksum.weight(i - 1));
      }
    }
    assertThat(KeyChecksum.weight(DATA - 1)).isNotEqualTo(KeyChecksum.MODULUS - BASE);
  }

  @Test
  void everyDataSubstitutionIsCaught() {
    for (int position = 0; position < DATA; position++) {
      for (int typed = 0; typed < BASE; typed++) {
        int[] key = keyWith(position, typed);
        for (int other = 0; other < BASE; other++) {
          if (other != typed) {
            assertThat(KeyChecksum.accepts(replaced(key, position, other)))
                .as("position %d: %d -> %d", position, typed, other)
                .isFalse();
          }
        }
      }
    }
  }

  @Test
  void everySwapOfDifferentNeighboursAmongDataSymbolsIsCaught() {
    for (int position = 0; position + 1 < DATA; position++) {
      for (int first = 0; first < BASE; first++) {
        for (int second = 0; second < BASE; second++) {
          if (first != second) {
            int[] key = new int[LENGTH];
            key[position] = first;
            key[position + 1] = second;
            KeyChecksum.complete(key);
            assertThat(KeyChecksum.accepts(swapped(key, position)))
                .as("swap at %d of %d,%d", position, first, second)
                .isFalse();
          }
        }
      }
    }
  }

  @Test
  void everyEditTouchingACheckSymbolIsCaughtWhateverTheSum() {
    int[][] keyForSum = keysForEverySum();
    for (int sum = 0; sum < KeyChecksum.MODULUS; sum++) {
      for (int lastData = 0; lastData < BASE; lastData++) {
        int[] key = keyWithSumAndLastDataSymbol(keyForSum, sum, lastData);
        assertThat(KeyChecksum.accepts(key)).isTrue();
        for (int checkPosition = DATA; checkPosition < LENGTH; checkPosition++) {
          for (int other = 0; other < BASE; other++) {
            if (other != key[checkPosition]) {
              assertThat(KeyChecksum.accepts(replaced(key, checkPosition, other))).isFalse();
            }
          }
        }
        for (int position = DATA - 1; position + 1 < LENGTH; position++) {
          if (key[position] != key[position + 1]) {
            assertThat(KeyChecksum.accepts(swapped(key, position)))
                .as("sum %d, swap at %d", sum, position)
                .isFalse();
          }
        }
      }
    }
  }

  @Test
  void checkNumbersOf571AndAboveAreNeverAccepted() {
    int[] key = new int[LENGTH];
    KeyChecksum.complete(key); // all-zero data: sum 0
    key[DATA] = BASE - 1;
    key[DATA + 1] = BASE - 1; // 575
    assertThat(KeyChecksum.accepts(key)).isFalse();
    assertThat(KeyChecksum.matches(0, 23, 19)).as("571 is not 0 mod 571 here").isFalse();
  }

  /** A key that is zero except {@code value} at {@code position}, with its check symbols. */
  private static int[] keyWith(int position, int value) {
    int[] key = new int[LENGTH];
    key[position] = value;
    KeyChecksum.complete(key);
    return key;
  }

  /**
   * For each sum 0..570, data symbols (leaving the last data position zero) that produce it, found
   * by extending the keys already found one position at a time. The test fails if some sum cannot
   * be reached.
   */
  private static int[][] keysForEverySum() {
    int[][] bySum = new int[KeyChecksum.MODULUS][];
    bySum[0] = new int[LENGTH];
    for (int position = 0; position < DATA - 1; position++) {
      int[][] before = bySum.clone();
      for (int[] key : before) {
        if (key == null) {
          continue;
        }
        for (int value = 1; value < BASE; value++) {
          int[] extended = replaced(key, position, value);
          int sum = KeyChecksum.weightedSum(extended);
          if (bySum[sum] == null) {
            bySum[sum] = extended;
          }
        }
      }
    }
    assertThat(Arrays.asList(bySum)).as("sums reachable").doesNotContainNull();
    return bySum;
  }

  /** A valid key with the given data sum whose last data symbol is {@code lastData}. */
  private static int[] keyWithSumAndLastDataSymbol(int[][] keyForSum, int sum, int lastData) {
    int contribution = KeyChecksum.weight(DATA - 1) * lastData;
    int rest = Math.floorMod(sum - contribution, KeyChecksum.MODULUS);
    int[] key = keyForSum[rest].clone();
    key[DATA - 1] = lastData;
    KeyChecksum.complete(key);
    assertThat(KeyChecksum.weightedSum(key)).isEqualTo(sum);
    return key;
  }

  private static int[] replaced(int[] key, int position, int value) {
    int[] copy = Arrays.copyOf(key, key.length);
    copy[position] = value;
    return copy;
  }

  private static int[] swapped(int[] key, int position) {
    int[] copy = Arrays.copyOf(key, key.length);
    copy[position] = key[position + 1];
    copy[position + 1] = key[position];
    return copy;
  }
}
