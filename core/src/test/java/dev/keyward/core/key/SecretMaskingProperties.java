package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Issue #9.8: keys and tokens pasted into free text are masked; other text is left alone. */
class SecretMaskingProperties {
  private static final String SYMBOLS = KeyAlphabet.SYMBOLS;

  /** The oracle, written apart from the code under test: does this code point read as a symbol? */
  private static boolean readsAsSymbol(int cp) {
    String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    return folded.codePoints().anyMatch(c -> SYMBOLS.indexOf(Character.toUpperCase(c)) >= 0);
  }

  /** 25 symbols in the ways people write keys: canonical, compact, spaced, any case. */
  @Provide
  Arbitrary<String[]> keys() {
    Arbitrary<String> symbols = Arbitraries.strings().withChars(SYMBOLS.toCharArray()).ofLength(25);
    Arbitrary<String> separator = Arbitraries.of("-", "", " ", "  ", " - ", "\u2013", "\u00a0");
    Arbitrary<Boolean> lower = Arbitraries.of(true, false);
    return Combinators.combine(symbols, separator, lower)
        .as(
            (s, sep, low) -> {
              StringBuilder written = new StringBuilder();
              for (int g = 0; g < 5; g++) {
                if (g > 0) {
                  written.append(sep);
                }
                written.append(s, 5 * g, 5 * g + 5);
              }
              String text = low ? written.toString().toLowerCase() : written.toString();
              return new String[] {s, text};
            });
  }

  /** Any text in which no character reads as a key symbol (so no key can hide in it). */
  @Provide
  Arbitrary<String> plainText() {
    return Arbitraries.strings()
        .all()
        .ofMaxLength(60)
        .filter(t -> t.codePoints().noneMatch(SecretMaskingProperties::readsAsSymbol));
  }

  /** Text of words with vowels between short symbol runs: what reasons usually look like. */
  @Provide
  Arbitrary<String> sentences() {
    Arbitrary<String> word =
        Arbitraries.strings()
            .withChars(SYMBOLS.toLowerCase().toCharArray())
            .ofMinLength(1)
            .ofMaxLength(4);
    Arbitrary<String> glue = Arbitraries.of("a", "e ", "o-", " i ", "u, ", "0", "15", "A ");
    return Combinators.combine(word, glue)
        .as((w, g) -> w + g)
        .list()
        .ofMaxSize(30)
        .map(l -> String.join("", l));
  }

  @Property(tries = 500)
  void aKeyBetweenDelimitersBecomesItsPartialKey(
      @ForAll("keys") String[] key,
      @ForAll("plainText") String before,
      @ForAll("plainText") String after) {
    String prefix = before.isEmpty() ? "" : before + " ";
    String suffix = after.isEmpty() ? "" : " " + after;
    String masked = SecretMasking.mask(prefix + key[1] + suffix);
    assertThat(masked).isEqualTo(prefix + SecretMasking.MASK + key[0].substring(20) + suffix);
  }

  @Property(tries = 500)
  void aKeyAnywhereInAnyTextLeavesNoMoreThanItsPartialKey(
      @ForAll("keys") String[] key,
      @ForAll("sentences") String before,
      @ForAll("sentences") String after) {
    String masked = SecretMasking.mask(before + key[1] + after);
    String normalised = masked.replaceAll("[\\s\\-\u2013\u00a0]", "").toUpperCase();
    assertThat(normalised).doesNotContain(key[0].substring(0, 20));
    assertThat(SecretMasking.mask(masked)).as("masking twice changes nothing").isEqualTo(masked);
  }

  @Property(tries = 500)
  void textWithoutKeysIsUnchanged(
      @ForAll("plainText") String plain, @ForAll("sentences") String words) {
    assertThat(SecretMasking.mask(plain)).isEqualTo(plain);
    assertThat(SecretMasking.mask(words)).isEqualTo(words);
    assertThat(SecretMasking.containsSecret(words)).isFalse();
  }

  @Property(tries = 300)
  void adminTokensAreMasked(@ForAll("sentences") String before, @ForAll("plainText") String after) {
    String token =
        "kwa_"
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new byte[] {
                      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                      23, 24, 25, 26, 27, 28, 29, 30, 31, 32
                    });
    String masked = SecretMasking.mask(before + " " + token + " " + after);
    assertThat(masked).doesNotContain(token.substring(4)).contains("kwa_[masked]");
  }

  @Example
  void examples() {
    assertThat(SecretMasking.mask("customer pasted BCDFG-HJKMP-QRTVW-XY234-6789B by mistake"))
        .isEqualTo("customer pasted XXXXX-XXXXX-XXXXX-XXXXX-6789B by mistake");
    assertThat(SecretMasking.mask("key:bcdfghjkmpqrtvwxy2346789b."))
        .isEqualTo("key:XXXXX-XXXXX-XXXXX-XXXXX-6789B.");
    assertThat(
            SecretMasking.mask("two: BCDFG-HJKMP-QRTVW-XY234-6789B BCDFG-HJKMP-QRTVW-XY234-6789C"))
        .isEqualTo("two: XXXXX-XXXXX-XXXXX-XXXXX-6789B XXXXX-XXXXX-XXXXX-XXXXX-6789C");
    // One symbol too many: no partial key to keep, every symbol masked.
    assertThat(SecretMasking.mask("keyBCDFG-HJKMP-QRTVW-XY234-6789B"))
        .isEqualTo("keXXXXXX-XXXXX-XXXXX-XXXXX-XXXXX");
    assertThat(SecretMasking.mask("Authorization: Bearer abcdefgh12345678"))
        .isEqualTo("Authorization: Bearer [masked]");
    assertThat(SecretMasking.mask("machine died, ticket 4711; moved to new hardware"))
        .isEqualTo("machine died, ticket 4711; moved to new hardware");
    assertThat(SecretMasking.mask(null)).isNull();
    assertThat(List.of(SecretMasking.mask(""))).containsExactly("");
  }
}
