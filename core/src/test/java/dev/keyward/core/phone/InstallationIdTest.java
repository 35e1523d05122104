package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.LabProfile;
import dev.keyward.core.key.KeyPayload;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstallationIdTest {
  private final Product winserver = CatalogLoader.winserver().product("winserver").orElseThrow();
  private final HardwareIdentity machine =
      HardwareIdentity.of(LabProfile.VMWARE_VM.newMachine(new SplittableRandom(5)), "winserver");
  private final KeyPayload key = new KeyPayload(2021, 987_654_321L, 0x2A);

  @Test
  void layoutIs159BitsIn8GroupsOf7Digits() {
    assertThat(InstallationId.FIELD_BITS).isEqualTo(148);
    assertThat(InstallationId.PAYLOAD_BITS).isEqualTo(159);
    assertThat(InstallationId.GROUPS).isEqualTo(8);
    assertThat(InstallationId.DIGITS).isEqualTo(56);
    assertThat(InstallationId.CANONICAL_BYTES).isEqualTo(20);
    // 48 data digits hold every 159-bit value, and no more bits.
    assertThat(BigInteger.ONE.shiftLeft(159)).isLessThan(BigInteger.TEN.pow(48));
    assertThat(BigInteger.ONE.shiftLeft(160)).isGreaterThan(BigInteger.TEN.pow(48));
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

    assertThat(iid.text()).matches("(\\d{7}-){7}\\d{7}");
    assertThat(iid.digits()).hasSize(56).isEqualTo(iid.text().replace("-", ""));
    assertThat(iid.toString()).isEqualTo(iid.text());
    assertThat(InstallationId.parse(iid.text())).isEqualTo(new IidParse.Parsed(iid));
    assertThat(InstallationId.parse(iid.digits())).isEqualTo(new IidParse.Parsed(iid));
  }

  @Test
  void doesNotCarryTheAuthorityTag() {
    InstallationId one = InstallationId.of(key, 0, 0, HardwareFingerprint.of(machine));
    InstallationId other =
        InstallationId.of(
            new KeyPayload(key.group(), key.serial(), 0x3FFF),
            0,
            0,
            HardwareFingerprint.of(machine));

    assertThat(one).isEqualTo(other);
    assertThat(one.text()).isEqualTo(other.text());
  }

  @Test
  void indexesTheCatalogCannotResolveAreEmpty() {
    InstallationId iid = new InstallationId(2021, 1, 63, 255, HardwareFingerprint.of(machine));

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
    assertThatThrownBy(() -> new InstallationId(-1, 0, 0, 0, hw))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstallationId(0, 1L << 34, 0, 0, hw))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstallationId(0, 0, 64, 0, hw))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstallationId(0, 0, 0, 256, hw))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMistypingTheGroupsMissIsCaughtByTheIidCheck() {
    InstallationId iid = InstallationId.of(key, 0, 0, HardwareFingerprint.of(machine));
    String digits = iid.digits();
    // Two wrong digits in group 4, its check digit made valid again: only the 11-bit check sees it.
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
    // 2^-11 of 4000 is about 2; anything near 10 means the check is weaker than it claims.
    assertThat(missed).isLessThanOrEqualTo(10);
  }

  @Test
  void anotherFormatIsRefusedAsDataThisVersionCannotRead() {
    InstallationId iid = InstallationId.of(key, 0, 0, HardwareFingerprint.of(machine));
    BigInteger fields =
        iid.value()
            .shiftRight(InstallationId.CHECK_BITS)
            .xor(BigInteger.valueOf(3).shiftLeft(InstallationId.FIELD_BITS - 4)); // format 2
    String text = DigitGroups.write(withCheck(fields), InstallationId.GROUPS);

    IidParse parse = InstallationId.parse(text);

    assertThat(parse).isInstanceOf(IidParse.Rejected.class);
    assertThat(((IidParse.Rejected) parse).failure().error()).isEqualTo(ErrorCode.CID_INVALID_DATA);
    assertThat(((IidParse.Rejected) parse).failure().message()).contains("format 2");
  }

  @Test
  void valuesAbove159BitsAreRefused() {
    String text = DigitGroups.write(BigInteger.TEN.pow(48).subtract(BigInteger.ONE), 8);

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
    InstallationId iid = new InstallationId(1011, 123_456_789L, 0, 0, new HardwareFingerprint(hw));

    // Pinned so that the layout cannot drift unnoticed; docs/phone-activation.md shows this ID.
    assertThat(iid.text()).isEqualTo(KNOWN_IID);
  }

  static final String KNOWN_IID = "0463760-4953430-2091187-7679392-5024640-0624573-0950854-4106027";

  /** The value for the 148 field bits with the check the format calls for. */
  private static BigInteger withCheck(BigInteger fields) {
    // The check is private to InstallationId; find it by trying all 2048 (a test may be slow).
    for (int check = 0; check < 1 << InstallationId.CHECK_BITS; check++) {
      BigInteger value = fields.shiftLeft(InstallationId.CHECK_BITS).or(BigInteger.valueOf(check));
      if (!(InstallationId.parse(DigitGroups.write(value, 8)) instanceof IidParse.Rejected r
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
        new HardwareFingerprint(hw));
  }
}
