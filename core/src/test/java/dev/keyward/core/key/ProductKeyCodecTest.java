package dev.keyward.core.key;

import static dev.keyward.core.key.ProductKeyCodecProperties.swapped;
import static dev.keyward.core.key.ProductKeyCodecProperties.withSymbol;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.key.KeyDecoding.Decoded;
import dev.keyward.core.key.KeyDecoding.Rejected;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductKeyCodecTest {
  private static final int GROUP = 1234;
  private static final IntPredicate ONLY_GROUP = group -> group == GROUP;
  private static final AuthorityTagger TAGGER = new HmacAuthorityTagger(TestSecrets.AUTHORITY);
  private static final ProductKey KEY = ProductKeyCodec.encode(GROUP, 5678, TAGGER);
  private static final String CANONICAL = KEY.canonical();

  @Test
  void issuedKeysAre25SymbolsOfTheAlphabetShownIn5GroupsOf5() {
    assertThat(CANONICAL).hasSize(25).matches("[BCDFGHJKMPQRTVWXY2346789]{25}");
    assertThat(KEY.display())
        .matches("([BCDFGHJKMPQRTVWXY2346789]{5}-){4}[BCDFGHJKMPQRTVWXY2346789]{5}");
    assertThat(KEY.display().replace("-", "")).isEqualTo(CANONICAL);
  }

  @Test
  void encodingIsDeterministic() {
    assertThat(ProductKeyCodec.encode(GROUP, 5678, TAGGER)).isEqualTo(KEY);
    assertThat(ProductKeyCodec.encode(GROUP, 5679, TAGGER)).isNotEqualTo(KEY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lower case",
        "no hyphens",
        "extra hyphens",
        "spaces",
        "tabs and newlines",
        "typographic dashes",
        "no-break spaces",
        "full-width",
        "zero-width spaces"
      })
  void typedVariantsOfTheKeyAreNormalisedToIt(String variant) {
    String typed =
        switch (variant) {
          case "lower case" -> KEY.display().toLowerCase(java.util.Locale.ROOT);
          case "no hyphens" -> CANONICAL;
          case "extra hyphens" ->
              "--" + CANONICAL.substring(0, 7) + "---" + CANONICAL.substring(7) + "-";
          case "spaces" -> "  " + KEY.display().replace("-", " ") + " ";
          case "tabs and newlines" -> KEY.display().replace("-", "\t") + "\r\n";
          case "typographic dashes" ->
              KEY.display().replaceFirst("-", "\u2013").replace("-", "\u2014");
          case "no-break spaces" -> KEY.display().replace("-", "\u00A0");
          case "full-width" -> fullWidth(KEY.display());
          case "zero-width spaces" -> KEY.display().replace("-", "\u200B-");
          default -> throw new IllegalArgumentException(variant);
        };

    KeyDecoding decoding = ProductKeyCodec.decode(typed, ONLY_GROUP);

    assertThat(decoding)
        .isInstanceOfSatisfying(Decoded.class, d -> assertThat(d.key()).isEqualTo(KEY));
  }

  @Test
  void aMixOfCasesHyphensAndSpacesIsNormalised() {
    String typed =
        " "
            + CANONICAL.substring(0, 3).toLowerCase()
            + "- -"
            + CANONICAL.substring(3, 20)
            + "  "
            + CANONICAL.substring(20).toLowerCase();
    assertThat(ProductKeyCodec.decode(typed, ONLY_GROUP)).isInstanceOf(Decoded.class);
  }

  @Test
  void charactersOutsideTheAlphabetAreListedWithTheirLookAlikes() {
    String typed = "O0" + CANONICAL.substring(2, 10) + "I" + CANONICAL.substring(11);

    Rejected rejected = rejected(typed, ONLY_GROUP);

    assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_CHARACTERS);
    assertThat(rejected.failure().error()).isEqualTo(ErrorCode.INVALID_PRODUCT_KEY);
    assertThat(rejected.invalidCharacters()).containsExactly("O", "0", "I");
    assertThat(rejected.failure().message())
        .contains("'O' and '0' are not used in keys (did you mean D or Q?)")
        .contains("'I' is not used in keys (did you mean 7 or T?)");
  }

  @Test
  void lowerCaseInvalidLettersAreReportedInUpperCase() {
    Rejected rejected = rejected("l" + CANONICAL.substring(1), ONLY_GROUP);
    assertThat(rejected.invalidCharacters()).containsExactly("L");
  }

  @Test
  void invisibleInvalidCharactersAreNamedByCodePoint() {
    Rejected rejected = rejected(CANONICAL.substring(0, 24) + "\u0007", ONLY_GROUP);
    assertThat(rejected.failure().message()).contains("U+0007 is not used in keys");
  }

  @Test
  void aLookAlikeTypedForASymbolIsCorrectedInTheMessage() {
    int position = indexOfAny(CANONICAL, "DQ");
    String typed = withSymbol(CANONICAL, position, 'O');

    Rejected rejected = rejected(typed, ONLY_GROUP);

    assertThat(rejected.suggestions()).containsExactly(KEY);
    assertThat(rejected.failure().message()).contains("Closest valid key: " + KEY.display());
  }

  @Test
  void aSwappedPairIsCorrected() {
    int position = firstPositionBeforeADifferentSymbol(CANONICAL);
    Rejected rejected = rejected(swapped(CANONICAL, position), ONLY_GROUP);

    assertThat(rejected.reason()).isEqualTo(RejectionReason.CHECKSUM_MISMATCH);
    assertThat(rejected.failure().message()).startsWith("The key is mistyped");
    assertThat(rejected.suggestions()).contains(KEY);
  }

  @Test
  void lookAlikeCorrectionsComeBeforeOtherCorrectionsEvenAtLaterPositions() {
    // Find a key and a look-alike slip (say B typed as 8) for which, with every group known, some
    // other correction changes an earlier position: in position order it would come first.
    for (long serial = 0; serial < 5_000; serial++) {
      ProductKey key = ProductKeyCodec.encode(GROUP, serial, TAGGER);
      String canonical = key.canonical();
      for (int position = 0; position < ProductKey.LENGTH; position++) {
        String lookAlikes = LookAlikes.symbolsResembling(canonical.charAt(position));
        if (lookAlikes.isEmpty()) {
          continue;
        }
        String typed = withSymbol(canonical, position, lookAlikes.charAt(0));
        Rejected rejected = rejected(typed, group -> true);
        int slip = position;
        boolean earlierCorrectionExists =
            rejected.suggestions().stream()
                .anyMatch(s -> firstDifference(s.canonical(), typed) < slip);
        if (earlierCorrectionExists) {
          assertThat(rejected.suggestions()).first().isEqualTo(key);
          return;
        }
      }
    }
    throw new AssertionError("no fixture found: widen the search");
  }

  @Test
  void suggestionsAreCappedAtFive() {
    // Three unreadable characters allow 13,824 fillings; with every group known many pass.
    String typed = "###" + CANONICAL.substring(3);
    Rejected rejected = rejected(typed, group -> true);
    assertThat(rejected.suggestions()).hasSize(5);
  }

  @Test
  void aMistypedKeyWithoutAPlausibleCorrectionAsksToCheckTheOriginal() {
    Rejected rejected =
        rejected(withSymbol(CANONICAL, 0, other(CANONICAL.charAt(0))), group -> false);

    assertThat(rejected.suggestions()).isEmpty();
    assertThat(rejected.failure().message()).contains("Check it against the original key");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10, 20, 23, 30})
  void wrongLengthsAreRejectedAndSaySo(int length) {
    String typed = (CANONICAL + CANONICAL).substring(0, length);

    Rejected rejected = rejected(typed, ONLY_GROUP);

    assertThat(rejected.reason()).isEqualTo(RejectionReason.WRONG_LENGTH);
    assertThat(rejected.failure().error().code()).isEqualTo(0xC004F050);
    assertThat(rejected.failure().message()).contains("25 characters").contains("has " + length);
  }

  @Test
  void hugeInputsAreRefusedWithoutBeingDescribed() {
    String typed = KEY.display() + "O".repeat(10_000);
    Rejected rejected = rejected(typed, ONLY_GROUP);
    assertThat(rejected.reason()).isEqualTo(RejectionReason.WRONG_LENGTH);
    assertThat(rejected.invalidCharacters()).isEmpty();
    assertThat(rejected.failure().message()).contains("longer than 200").hasSizeLessThan(200);
  }

  @Test
  void atMostTenInvalidCharactersAreListed() {
    Rejected rejected = rejected("AEILNOSUZ015#.,;", ONLY_GROUP);
    assertThat(rejected.invalidCharacters())
        .containsExactly("A", "E", "I", "L", "N", "O", "S", "U", "Z", "0");
  }

  @Test
  void aDroppedSymbolIsCorrected() {
    String typed = CANONICAL.substring(0, 12) + CANONICAL.substring(13);
    Rejected rejected = rejected(typed, ONLY_GROUP);
    assertThat(rejected.reason()).isEqualTo(RejectionReason.WRONG_LENGTH);
    assertThat(rejected.suggestions()).contains(KEY);
  }

  @Test
  void aDoubledSymbolIsCorrected() {
    String typed = CANONICAL.substring(0, 12) + CANONICAL.charAt(12) + CANONICAL.substring(12);
    Rejected rejected = rejected(typed, ONLY_GROUP);
    assertThat(rejected.suggestions()).contains(KEY);
  }

  @Test
  void aWellFormedKeyOfAnUnknownGroupIsRejectedWithItsGroup() {
    Rejected rejected = rejected(KEY.display(), group -> group != GROUP);

    assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_GROUP);
    assertThat(rejected.failure().error().code()).isEqualTo(0xC004F050);
    assertThat(rejected.failure().error().hex()).isEqualTo("0xC004F050");
    assertThat(rejected.failure().message()).contains("key group (1234)");
    assertThat(rejected.suggestions()).isEmpty();
  }

  @Test
  void symbolsSpellingAValueNoKeyUsesAreRejectedAsOutOfRange() {
    int[] symbols = new int[ProductKey.LENGTH];
    java.util.Arrays.fill(symbols, 0, KeyChecksum.DATA_SYMBOLS, KeyAlphabet.SIZE - 1); // 24^23 - 1
    KeyChecksum.complete(symbols);

    Rejected rejected = rejected(KeyAlphabet.spell(symbols), group -> true);

    assertThat(rejected.reason()).isEqualTo(RejectionReason.OUT_OF_RANGE);
    assertThat(rejected.failure().error()).isEqualTo(ErrorCode.INVALID_PRODUCT_KEY);
  }

  @Test
  void messagesNeverRepeatWhatWasTyped() {
    String typed = withSymbol(CANONICAL, 4, other(CANONICAL.charAt(4)));
    Rejected rejected = rejected(typed, group -> false);
    assertThat(rejected.failure().message())
        .doesNotContain(typed.substring(0, 10))
        .doesNotContain(typed.substring(15));
  }

  @Test
  void outcomesPrintOnlyPartialKeys() {
    Decoded decoded = (Decoded) ProductKeyCodec.decode(CANONICAL, ONLY_GROUP);
    Rejected rejected = rejected(withSymbol(CANONICAL, 0, 'O'), ONLY_GROUP);
    assertThat(rejected.suggestions()).isNotEmpty();

    for (Object outcome : new Object[] {decoded, rejected}) {
      assertThat(outcome.toString())
          .doesNotContain(CANONICAL.substring(0, 20))
          .doesNotContain(KEY.display().substring(0, 23))
          .doesNotContain(Long.toString(decoded.payload().tag()));
    }
    assertThat(decoded.toString()).contains(KEY.partial());
  }

  private static Rejected rejected(String typed, IntPredicate knownGroup) {
    KeyDecoding decoding = ProductKeyCodec.decode(typed, knownGroup);
    assertThat(decoding).isInstanceOf(Rejected.class);
    return (Rejected) decoding;
  }

  private static int indexOfAny(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    throw new AssertionError("the fixture key has none of " + characters);
  }

  private static int firstPositionBeforeADifferentSymbol(String text) {
    for (int i = 0; i + 1 < text.length(); i++) {
      if (text.charAt(i) != text.charAt(i + 1)) {
        return i;
      }
    }
    throw new AssertionError("the fixture key is one symbol repeated");
  }

  private static int firstDifference(String first, String second) {
    for (int i = 0; i < first.length(); i++) {
      if (first.charAt(i) != second.charAt(i)) {
        return i;
      }
    }
    return first.length();
  }

  private static char other(char symbol) {
    return symbol == 'B' ? 'C' : 'B';
  }

  private static String fullWidth(String text) {
    StringBuilder wide = new StringBuilder();
    text.chars().forEach(c -> wide.append(c == '-' ? '\uFF0D' : (char) (c - 0x20 + 0xFF00)));
    return wide.toString();
  }
}
