package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LookAlikesTest {
  @Test
  void replacementsForASymbolAreEveryOtherSymbolWithLookAlikesFirst() {
    int[] replacements = LookAlikes.replacementsFor('B');
    assertThat(replacements).hasSize(23).doesNotContain(KeyAlphabet.valueOf('B'));
    assertThat(Arrays.stream(replacements).distinct().count()).isEqualTo(23);
    assertThat(replacements[0]).isEqualTo(KeyAlphabet.valueOf('8'));
  }

  @Test
  void replacementsForACharacterKeysNeverUseAreEverySymbolWithLookAlikesFirst() {
    int[] replacements = LookAlikes.replacementsFor('O');
    assertThat(replacements).hasSize(24);
    assertThat(Arrays.stream(replacements).distinct().count()).isEqualTo(24);
    assertThat(Arrays.copyOf(replacements, 2))
        .containsExactly(KeyAlphabet.valueOf('D'), KeyAlphabet.valueOf('Q'));
  }

  @Test
  void lookAlikesGoBothWaysWithinTheAlphabet() {
    for (char symbol : KeyAlphabet.SYMBOLS.toCharArray()) {
      for (char other : LookAlikes.symbolsResembling(symbol).toCharArray()) {
        assertThat(KeyAlphabet.contains(other)).isTrue();
        assertThat(LookAlikes.symbolsResembling(other)).contains(String.valueOf(symbol));
      }
    }
  }

  @Test
  void everyLetterAndDigitKeysNeverUseHasALookAlike() {
    for (char excluded : "AEILNOSUZ015".toCharArray()) {
      assertThat(KeyAlphabet.contains(excluded)).isFalse();
      assertThat(LookAlikes.symbolsResembling(excluded)).as("%s", excluded).isNotEmpty();
    }
    assertThat(LookAlikes.symbolsResembling('#')).isEmpty();
  }
}
