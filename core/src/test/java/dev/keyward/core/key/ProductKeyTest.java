package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ProductKeyTest {
  private static final ProductKey KEY =
      ProductKeyCodec.encode(42, 1_000_000, new HmacAuthorityTagger(TestSecrets.AUTHORITY));
  private static final String CANONICAL = KEY.canonical();

  @Test
  void toStringMasksAllButThePartialKey() {
    assertThat(KEY.toString()).isEqualTo("*****-*****-*****-*****-" + CANONICAL.substring(20));
    assertThat(KEY.toString()).doesNotContain(CANONICAL.substring(0, 5));
    assertThat(String.valueOf(java.util.List.of(KEY))).doesNotContain(CANONICAL.substring(0, 20));
  }

  @Test
  void partialIsTheLastFiveSymbols() {
    assertThat(KEY.partial()).hasSize(5).isEqualTo(CANONICAL.substring(20));
  }

  @Test
  void displayGroupsTheSymbolsInFives() {
    assertThat(KEY.display())
        .isEqualTo(
            String.join(
                "-",
                CANONICAL.substring(0, 5),
                CANONICAL.substring(5, 10),
                CANONICAL.substring(10, 15),
                CANONICAL.substring(15, 20),
                CANONICAL.substring(20)));
  }

  @Test
  void onlyCanonicalKeysWithMatchingCheckSymbolsCanBeConstructed() {
    assertThat(new ProductKey(CANONICAL)).isEqualTo(KEY);
    for (String notCanonical :
        new String[] {
          KEY.display(),
          CANONICAL.toLowerCase(java.util.Locale.ROOT),
          CANONICAL.substring(1),
          CANONICAL + "B",
          "O" + CANONICAL.substring(1),
          ProductKeyCodecProperties.withSymbol(
              CANONICAL, 24, CANONICAL.charAt(24) == 'B' ? 'C' : 'B')
        }) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new ProductKey(notCanonical))
          .withMessageNotContaining(CANONICAL.substring(0, 10));
    }
  }
}
