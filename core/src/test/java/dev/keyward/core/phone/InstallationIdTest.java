package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.TestMachines;
import dev.keyward.core.key.HmacAuthorityTagger;
import dev.keyward.core.key.KeyPayload;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstallationIdTest {
  private static final byte[] SECRET =
      "phone test authority secret, 32!".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_SECRET =
      "another phone test secret, 32 b!".getBytes(StandardCharsets.US_ASCII);
  private final Product winserver = CatalogLoader.winserver().product("winserver").orElseThrow();
  private final HardwareIdentity machine =
      HardwareIdentity.of(TestMachines.vmwareGuest(), "winserver");
  private final KeyPayload key = new KeyPayload(2021, 987_654_321L, 0x2A);

  @Test
  void layoutIs179BitsIn9GroupsOf7Digits() {
    assertThat(InstallationId.FIELD_BITS).isEqualTo(148);
    assertThat(InstallationId.PAYLOAD_BITS).isEqualTo(179);
    assertThat(InstallationId.GROUPS).isEqualTo(9);
    assertThat(InstallationId.DIGITS).isEqualTo(63);
    assertThat(InstallationId.CANONICAL_BYTES).isEqualTo(23);
    // 54 data digits hold every 179-bit value, and no more bits.
    assertThat(BigInteger.ONE.shiftLeft(179)).isLessThan(BigInteger.TEN.pow(54));
    assertThat(BigInteger.ONE.shiftLeft(180)).isGreaterThan(BigInteger.TEN.pow(54));
  }

  @Test
  void encodesTheInstalledVersionAndEditionOfTheCatalog() {
    InstallationId iid = InstallationId.of(key, winserver, "2022", "ServerDatacenter", machine);

    assertThat(iid.keyGroup()).isEqualTo(2021);
    assertThat(iid.serial()).isEqualTo(987_654_321L);
    assertThat(iid.versionIndex()).isEqualTo(1);
    assertThat(iid.editionIndex()).isEqualTo(1);
    assertThat(iid.installedVersion(winserver)).contains("2022");
    assertThat(iid.installedEdition(winserver).map(Edition::id)).contains("ServerDatacenter");
    assertThat(iid.hardware()).isEqualTo(HardwareFingerprint.of(machine));
    assertThat(iid.format()).isEqualTo(1);
  }

  @Test
  void textIsGroupedAndParsesBack() {
    InstallationId iid = InstallationId.of(key, winserver, "2019", "ServerStandardEval", machine);

    assertThat(iid.text()).matches("(\\d{7}-){8}\\d{7}");
    assertThat(iid.digits()).hasSize(63).isEqualTo(iid.text().replace("-", ""));
    assertThat(iid.toString()).isEqualTo(iid.text());
    assertThat(InstallationId.parse(iid.text())).isEqualTo(new IidParse.Parsed(iid));
    assertThat(InstallationId.parse(iid.digits())).isEqualTo(new IidParse.Parsed(iid));
  }

  @Test
  void provesTheKeyItWasMadeWith() {
    HmacAuthorityTagger tagger = new HmacAuthorityTagger(SECRET);
    KeyPayload issued = KeyPayload.issue(2021, 987_654_321L, tagger);
    InstallationId iid = InstallationId.of(issued, 1, 1, HardwareFingerprint.of(machine));

    assertThat(iid.provesKey(issued)).isTrue();
    assertThat(iid.provesKeyIssuedBy(tagger)).isTrue();
    assertThat(iid.provesKeyIssuedBy(new HmacAuthorityTagger(OTHER_SECRET))).isFalse();
    assertThat(iid.provesKey(new KeyPayload(2021, 987_654_322L, issued.tag()))).isFalse();
  }

  @Test
  void aMadeUpKeyWithAnIssuedGroupAndSerialProvesNothing() {
    // The client cannot check the tag, so it would install such a key and make an IID with it.
    HmacAuthorityTagger tagger = new HmacAuthorityTagger(SECRET);
    KeyPayload issued = KeyPayload.issue(2021, 987_654_321L, tagger);
    SplittableRandom random = new SplittableRandom(24);
    int accepted = 0;
    int trials = 20_000;
    for (int i = 0; i < trials; i++) {
      long madeUpTag = random.nextLong(KeyPayload.TAG_MASK + 1);
      if (madeUpTag == issued.tag()) {
        continue;
      }
      KeyPayload madeUp = new KeyPayload(issued.group(), issued.serial(), madeUpTag);
      InstallationId iid = InstallationId.of(madeUp, 1, 1, HardwareFingerprint.of(machine));
      assertThat(iid.keyGroup()).isEqualTo(issued.group());
      if (iid.provesKeyIssuedBy(tagger)) {
        accepted++;
      }
    }
    // Each passes with probability 2^-24: 20000 tries expect 0.001.
    assertThat(accepted).isZero();
  }

  @Test
  void theProofIsBoundToEveryOtherField() {
    KeyPayload issued = KeyPayload.issue(2021, 5, new HmacAuthorityTagger(SECRET));
    InstallationId iid = InstallationId.of(issued, 1, 1, HardwareFingerprint.of(machine));
    Map<Component, Integer> otherHardware = new EnumMap<>(iid.hardware().shortHashes());
    otherHardware.merge(Component.NIC, 1, (a, b) -> (a + b) % 256);

    // An IID read out for one machine proves nothing for another, another edition or version.
    assertThat(
            new InstallationId(
                    2021, 5, 1, 1, new HardwareFingerprint(otherHardware), iid.keyProof())
                .provesKey(issued))
        .isFalse();
    assertThat(new InstallationId(2021, 5, 1, 2, iid.hardware(), iid.keyProof()).provesKey(issued))
        .isFalse();
    assertThat(new InstallationId(2021, 5, 0, 1, iid.hardware(), iid.keyProof()).provesKey(issued))
        .isFalse();
  }

  @Test
  void indexesTheCatalogCannotResolveAreEmpty() {
    InstallationId iid = new InstallationId(2021, 1, 63, 255, HardwareFingerprint.of(machine), 0);

    assertThat(iid.installedVersion(winserver)).isEmpty();
    assertThat(iid.installedEdition(winserver)).isEmpty();
  }

  @Test
  void refusesUnknownVersionsAndEditionsAndOutOfRangeFields() {
    assertThatThrownBy(() -> InstallationId.of(key, winserver, "2016", "ServerStandard", machine))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2016");
    assertThatThrownBy(() -> InstallationId.of(key, winserver, "2019", "ServerFoundation", machine))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ServerFoundation");
    HardwareFingerprint hw = HardwareFingerprint.of(machine);
    assertThatThrownBy(() -> new InstallationId(-1, 0, 0, 0, hw, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstallationId(0, 1L << 34, 0, 0, hw, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstallationId(0, 0, 64, 0, hw, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstallationId(0, 0, 0, 256, hw, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstallationId(0, 0, 0, 0, hw, 1 << 24))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMistypingTheGroupsMissIsCaughtByTheIidCheck() {
    InstallationId iid = InstallationId.of(key, 0, 0, HardwareFingerprint.of(machine));
    String digits = iid.digits();
    // Two wrong digits in group 4, its check digit made valid again: only the 7-bit check sees it.
    StringBuilder typo = new StringBuilder(digits);
    typo.setCharAt(21, digits.charAt(21) == '5' ? '6' : '5');
    typo.setCharAt(23, digits.charAt(23) == '2' ? '3' : '2');
    String retyped = PhoneArbitraries.withCheckDigitRecomputed(typo.toString(), 4);

    IidParse parse = InstallationId.parse(retyped);

    assertThat(parse).isInstanceOf(IidParse.Rejected.class);
    IidParse.Rejected rejected = (IidParse.Rejected) parse;
    assertThat(rejected.failure().error()).isEqualTo(ErrorCode.CID_INVALID_CHECK_DIGITS);
    assertThat(rejected.groups()).isEmpty();
    assertThat(rejected.failure().message()).contains("from the start");
  }

  @Test
  void theIidCheckCatchesAlmostEveryMistypingTheGroupsMiss() {
    SplittableRandom random = new SplittableRandom(42);
    int missed = 0;
    int trials = 4000;
    for (int t = 0; t < trials; t++) {
      InstallationId iid = randomIid(random);
      StringBuilder typo = new StringBuilder(iid.digits());
      int group = 1 + random.nextInt(InstallationId.GROUPS);
      int from = (group - 1) * DigitGroups.GROUP_LENGTH;
      int at = from + random.nextInt(DigitGroups.DATA_DIGITS);
      typo.setCharAt(at, (char) ('0' + (typo.charAt(at) - '0' + 1 + random.nextInt(9)) % 10));
      IidParse parse =
          InstallationId.parse(PhoneArbitraries.withCheckDigitRecomputed(typo.toString(), group));
      if (parse instanceof IidParse.Parsed) {
        missed++;
      }
    }
    // 2^-7 of 4000 is about 31 (standard deviation 5.6); far more means a weaker check.
    assertThat(missed).isLessThanOrEqualTo(55);
  }

  @Test
  void anotherFormatIsRefusedAsDataThisVersionCannotRead() {
    InstallationId iid = InstallationId.of(key, 0, 0, HardwareFingerprint.of(machine));
    int formatShift = InstallationId.FIELD_BITS + InstallationId.PROOF_BITS - 4;
    BigInteger proven =
        iid.value()
            .shiftRight(InstallationId.CHECK_BITS)
            .xor(BigInteger.valueOf(3).shiftLeft(formatShift)); // format 1 becomes 2
    String text = DigitGroups.write(withCheck(proven), InstallationId.GROUPS);

    IidParse parse = InstallationId.parse(text);

    assertThat(parse).isInstanceOf(IidParse.Rejected.class);
    assertThat(((IidParse.Rejected) parse).failure().error()).isEqualTo(ErrorCode.CID_INVALID_DATA);
    assertThat(((IidParse.Rejected) parse).failure().message()).contains("format 2");
  }

  @Test
  void valuesAbove179BitsAreRefused() {
    String text = DigitGroups.write(BigInteger.TEN.pow(54).subtract(BigInteger.ONE), 9);

    IidParse parse = InstallationId.parse(text);

    assertThat(parse).isInstanceOf(IidParse.Rejected.class);
    assertThat(((IidParse.Rejected) parse).failure().error())
        .isEqualTo(ErrorCode.CID_INVALID_CHECK_DIGITS);
  }

  @Test
  void knownAnswer() {
    Map<Component, Integer> hw = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      hw.put(component, 17 * component.ordinal());
    }
    InstallationId iid =
        InstallationId.of(
            new KeyPayload(1011, 123_456_789L, 0x2A_5A5A_5A5A_5A5AL),
            0,
            0,
            new HardwareFingerprint(hw));

    // Pinned so that the layout cannot drift unnoticed; docs/phone-activation.md shows this ID.
    assertThat(iid.text()).isEqualTo(KNOWN_IID);
  }

  static final String KNOWN_IID =
      "0486290-2799813-0008442-9212107-9317359-7567552-0109363-2807386-7966654";

  /** The value for the 172 bits of fields and proof with the check the format calls for. */
  private static BigInteger withCheck(BigInteger proven) {
    // The check is private to InstallationId; find it by trying all 128.
    for (int check = 0; check < 1 << InstallationId.CHECK_BITS; check++) {
      BigInteger value = proven.shiftLeft(InstallationId.CHECK_BITS).or(BigInteger.valueOf(check));
      if (!(InstallationId.parse(DigitGroups.write(value, 9)) instanceof IidParse.Rejected r
          && r.failure().error() == ErrorCode.CID_INVALID_CHECK_DIGITS)) {
        return value;
      }
    }
    throw new AssertionError("no check value passes");
  }

  private static InstallationId randomIid(SplittableRandom random) {
    Map<Component, Integer> hw = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      hw.put(component, random.nextInt(256));
    }
    return new InstallationId(
        random.nextInt(KeyPayload.MAX_GROUP + 1),
        random.nextLong(KeyPayload.MAX_SERIAL + 1),
        random.nextInt(64),
        random.nextInt(256),
        new HardwareFingerprint(hw),
        random.nextInt(1 << 24));
  }
}
