package dev.keyward.core.key;

import dev.keyward.core.key.KeyDecoding.Decoded;
import dev.keyward.core.key.KeyDecoding.Rejected;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Writes and reads product keys.
 *
 * <p>A key is 25 symbols: 23 data symbols spelling, in base 24, the 104-bit payload (group | serial
 * | authority tag) after a public scrambling permutation, then 2 check symbols (see {@link
 * KeyChecksum}). Reading needs no secret: it normalises what was typed, checks length, alphabet,
 * checksum, range and key group, and explains any refusal with 0xC004F050 and likely corrections.
 * Whether the key was really issued is the authority's check ({@link
 * KeyPayload#isIssuedBy(AuthorityTagger)}).
 */
public final class ProductKeyCodec {
  /**
   * Keys arrive from the network; anything longer than a key with generous spacing is refused
   * before it is normalised or described.
   */
  static final int MAX_INPUT_LENGTH = 200;

  /** The message names at most this many characters outside the alphabet. */
  static final int MAX_INVALID_CHARACTERS_LISTED = 10;

  private ProductKeyCodec() {}

  /** Issues the key for a group and serial, tagged by the authority's tagger. */
  public static ProductKey encode(int group, long serial, AuthorityTagger tagger) {
    Objects.requireNonNull(tagger, "tagger");
    return encode(KeyPayload.issue(group, serial, tagger));
  }

  /** The key that carries exactly this payload. */
  public static ProductKey encode(KeyPayload payload) {
    int[] symbols = new int[ProductKey.LENGTH];
    PayloadScrambler.scramble(PayloadBits.pack(payload)).writeDigits(symbols);
    KeyChecksum.complete(symbols);
    return ProductKey.of(symbols);
  }

  /**
   * Reads a key as a user typed it (any case, with or without spaces and hyphens).
   *
   * @param knownGroup which key groups the catalog defines; a key of any other group is refused,
   *     and corrections are only suggested within these groups
   */
  public static KeyDecoding decode(String input, IntPredicate knownGroup) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(knownGroup, "knownGroup");
    if (input.length() > MAX_INPUT_LENGTH) {
      return Rejected.of(
          RejectionReason.WRONG_LENGTH,
          RejectionMessages.farTooLong(MAX_INPUT_LENGTH),
          List.of(),
          List.of());
    }
    int[] codePoints = KeyNormaliser.normalise(input);
    List<String> invalid = invalidCharacters(codePoints);

    if (codePoints.length != ProductKey.LENGTH) {
      List<ProductKey> suggestions =
          invalid.isEmpty() ? KeyCorrections.forWrongLength(codePoints, knownGroup) : List.of();
      return Rejected.of(
          RejectionReason.WRONG_LENGTH,
          RejectionMessages.wrongLength(codePoints.length, invalid, suggestions),
          invalid,
          suggestions);
    }
    if (!invalid.isEmpty()) {
      List<ProductKey> suggestions = KeyCorrections.forInvalidCharacters(codePoints, knownGroup);
      return Rejected.of(
          RejectionReason.INVALID_CHARACTERS,
          RejectionMessages.invalidCharacters(invalid, suggestions),
          invalid,
          suggestions);
    }

    int[] symbols = new int[ProductKey.LENGTH];
    for (int i = 0; i < symbols.length; i++) {
      symbols[i] = KeyAlphabet.valueOf(codePoints[i]);
    }
    if (!KeyChecksum.accepts(symbols)) {
      List<ProductKey> suggestions = KeyCorrections.forMistyped(symbols, knownGroup);
      return Rejected.of(
          RejectionReason.CHECKSUM_MISMATCH,
          RejectionMessages.checksumMismatch(suggestions),
          List.of(),
          suggestions);
    }
    Optional<KeyPayload> payload = readPayload(symbols);
    if (payload.isEmpty()) {
      return Rejected.of(
          RejectionReason.OUT_OF_RANGE, RejectionMessages.outOfRange(), List.of(), List.of());
    }
    int group = payload.get().group();
    if (!knownGroup.test(group)) {
      return Rejected.of(
          RejectionReason.UNKNOWN_GROUP,
          RejectionMessages.unknownGroup(group),
          List.of(),
          List.of());
    }
    return new Decoded(ProductKey.of(symbols), payload.get());
  }

  /** The payload the data symbols carry, or empty when they spell a value no key uses. */
  static Optional<KeyPayload> readPayload(int[] symbols) {
    return PayloadBits.readDigits(symbols)
        .map(PayloadScrambler::unscramble)
        .map(PayloadBits::unpack);
  }

  /** The distinct characters that are not key symbols, in the order typed (the first ten). */
  private static List<String> invalidCharacters(int[] codePoints) {
    Set<String> invalid = new LinkedHashSet<>();
    for (int codePoint : codePoints) {
      if (!KeyAlphabet.contains(codePoint) && invalid.size() < MAX_INVALID_CHARACTERS_LISTED) {
        invalid.add(Character.toString(codePoint));
      }
    }
    return new ArrayList<>(invalid);
  }
}
