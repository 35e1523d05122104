package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.key.KeyDecoding.Decoded;
import dev.keyward.core.key.KeyDecoding.Rejected;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class ProductKeyCodecProperties {
  private static final AuthorityTagger TAGGER = new HmacAuthorityTagger(TestSecrets.AUTHORITY);
  private static final AuthorityTagger OTHER_TAGGER = new HmacAuthorityTagger(TestSecrets.OTHER);
  private static final IntPredicate ANY_GROUP = group -> true;

  @Property(tries = 1000)
  void decodingAnIssuedKeyGivesBackItsPayloadWhichOnlyItsTaggerRecognises(
      @ForAll @IntRange(max = KeyPayload.MAX_GROUP) int group,
      @ForAll @LongRange(max = KeyPayload.MAX_SERIAL) long serial) {
    ProductKey key = ProductKeyCodec.encode(group, serial, TAGGER);

    KeyDecoding decoding = ProductKeyCodec.decode(key.display(), g -> g == group);

    assertThat(decoding).isInstanceOf(Decoded.class);
    Decoded decoded = (Decoded) decoding;
    assertThat(decoded.key()).isEqualTo(key);
    assertThat(decoded.payload().group()).isEqualTo(group);
    assertThat(decoded.payload().serial()).isEqualTo(serial);
    assertThat(decoded.payload().isIssuedBy(TAGGER)).isTrue();
    assertThat(decoded.payload().isIssuedBy(OTHER_TAGGER)).isFalse();
  }

  @Property(tries = 1000)
  void everySingleSubstitutionAndEveryAdjacentSwapIsRejected(
      @ForAll @IntRange(max = KeyPayload.MAX_GROUP) int group,
      @ForAll @LongRange(max = KeyPayload.MAX_SERIAL) long serial) {
    String key = ProductKeyCodec.encode(group, serial, TAGGER).canonical();

    for (int position = 0; position < ProductKey.LENGTH; position++) {
      for (char symbol : KeyAlphabet.SYMBOLS.toCharArray()) {
        if (symbol != key.charAt(position)) {
          assertMistyped(withSymbol(key, position, symbol));
        }
      }
    }
    for (int position = 0; position + 1 < ProductKey.LENGTH; position++) {
      if (key.charAt(position) != key.charAt(position + 1)) {
        assertMistyped(swapped(key, position));
      }
    }
  }

  @Property(tries = 1000)
  void aKeyWithOneSymbolChangedIsAmongTheSuggestions(
      @ForAll @IntRange(max = KeyPayload.MAX_GROUP) int group,
      @ForAll @LongRange(max = KeyPayload.MAX_SERIAL) long serial,
      @ForAll @IntRange(max = ProductKey.LENGTH - 1) int position,
      @ForAll @IntRange(min = 1, max = KeyAlphabet.SIZE - 1) int shift,
      @ForAll @Size(100) Set<@IntRange(max = KeyPayload.MAX_GROUP) Integer> otherGroups) {
    ProductKey key = ProductKeyCodec.encode(group, serial, TAGGER);
    int value = KeyAlphabet.valueOf(key.canonical().charAt(position));
    char changed = KeyAlphabet.symbol((value + shift) % KeyAlphabet.SIZE);
    Set<Integer> known = new HashSet<>(otherGroups);
    known.add(group);

    Rejected rejected =
        rejected(
            ProductKeyCodec.decode(
                withSymbol(key.canonical(), position, changed), known::contains));

    assertThat(rejected.suggestions()).contains(key);
    assertThat(rejected.failure().message()).contains(key.display());
  }

  @Property(tries = 1000)
  void aKeyWithTwoNeighboursSwappedIsAmongTheSuggestions(
      @ForAll @IntRange(max = KeyPayload.MAX_GROUP) int group,
      @ForAll @LongRange(max = KeyPayload.MAX_SERIAL) long serial,
      @ForAll @IntRange(max = ProductKey.LENGTH - 2) int position,
      @ForAll @Size(100) Set<@IntRange(max = KeyPayload.MAX_GROUP) Integer> otherGroups) {
    ProductKey key = ProductKeyCodec.encode(group, serial, TAGGER);
    String typed = swapped(key.canonical(), position);
    Set<Integer> known = new HashSet<>(otherGroups);
    known.add(group);

    KeyDecoding decoding = ProductKeyCodec.decode(typed, known::contains);

    if (typed.equals(key.canonical())) {
      assertThat(decoding).isInstanceOf(Decoded.class); // swapped two equal symbols
    } else {
      assertThat(rejected(decoding).suggestions()).contains(key);
    }
  }

  @Property(tries = 1000)
  void aSymbolTypedAsACharacterKeysNeverUseIsRecoveredAsTheOnlySuggestion(
      @ForAll @IntRange(max = KeyPayload.MAX_GROUP) int group,
      @ForAll @LongRange(max = KeyPayload.MAX_SERIAL) long serial,
      @ForAll @IntRange(max = ProductKey.LENGTH - 1) int position,
      @ForAll("charactersKeysNeverUse") char foreign) {
    ProductKey key = ProductKeyCodec.encode(group, serial, TAGGER);

    Rejected rejected =
        rejected(
            ProductKeyCodec.decode(
                withSymbol(key.canonical(), position, foreign), g -> g == group));

    // Exactly one symbol at one position satisfies the checksum: the original.
    assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_CHARACTERS);
    assertThat(rejected.invalidCharacters()).containsExactly(String.valueOf(foreign));
    assertThat(rejected.suggestions()).containsExactly(key);
  }

  @Provide
  Arbitrary<Character> charactersKeysNeverUse() {
    return Arbitraries.of('A', 'E', 'I', 'L', 'N', 'O', 'S', 'U', 'Z', '0', '1', '5', '#', '.');
  }

  @Property(tries = 1000)
  void keysOfConsecutiveSerialsDifferInMostPositions(
      @ForAll @IntRange(max = KeyPayload.MAX_GROUP) int group,
      @ForAll @LongRange(max = KeyPayload.MAX_SERIAL - PAIRS) long firstSerial) {
    assertThat(averageDifferingPositions(group, firstSerial, TAGGER)).isGreaterThanOrEqualTo(10.0);
  }

  /**
   * Stricter, and with a constant tag so that only the scrambler can hide the sequence (the random
   * tag alone already makes keys differ). Unscrambled, one serial step adds 2^54 to the value,
   * which rewrites only the last dozen symbols: consecutive keys would share their first 11 or so
   * symbols and differ in about 13 positions. Unrelated keys differ in about 23 (the first symbol
   * takes only 9 values), so 20 tells the two apart with a wide margin.
   */
  @Property(tries = 1000)
  void keysOfConsecutiveSerialsDifferLikeUnrelatedKeysEvenWithAConstantTag(
      @ForAll @IntRange(max = KeyPayload.MAX_GROUP) int group,
      @ForAll @LongRange(max = KeyPayload.MAX_SERIAL - PAIRS) long firstSerial) {
    AuthorityTagger constant = (g, s) -> 0x2A;
    assertThat(averageDifferingPositions(group, firstSerial, constant))
        .isGreaterThanOrEqualTo(20.0);
  }

  private static final int PAIRS = 20;

  private static double averageDifferingPositions(
      int group, long firstSerial, AuthorityTagger tagger) {
    int differing = 0;
    String previous = ProductKeyCodec.encode(group, firstSerial, tagger).canonical();
    for (int i = 1; i <= PAIRS; i++) {
      String next = ProductKeyCodec.encode(group, firstSerial + i, tagger).canonical();
      differing += differingPositions(previous, next);
      previous = next;
    }
    return (double) differing / PAIRS;
  }

  private static void assertMistyped(String typed) {
    Rejected rejected = rejected(ProductKeyCodec.decode(typed, ANY_GROUP));
    assertThat(rejected.reason()).isEqualTo(RejectionReason.CHECKSUM_MISMATCH);
    assertThat(rejected.failure().error().code()).isEqualTo(0xC004F050);
  }

  private static Rejected rejected(KeyDecoding decoding) {
    assertThat(decoding).isInstanceOf(Rejected.class);
    return (Rejected) decoding;
  }

  static String withSymbol(String key, int position, char symbol) {
    char[] chars = key.toCharArray();
    chars[position] = symbol;
    return new String(chars);
  }

  static String swapped(String key, int position) {
    char[] chars = key.toCharArray();
    chars[position] = key.charAt(position + 1);
    chars[position + 1] = key.charAt(position);
    return new String(chars);
  }

  private static int differingPositions(String first, String second) {
    int count = 0;
    for (int i = 0; i < first.length(); i++) {
      if (first.charAt(i) != second.charAt(i)) {
        count++;
      }
    }
    return count;
  }
}
