package dev.keyward.core.phone;

import static dev.keyward.core.phone.PhoneArbitraries.AUTHORITY_KEY;
import static dev.keyward.core.phone.PhoneArbitraries.AUTHORITY_KEY_INDEX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Confirmation IDs as signatures, 1000 tries each: a signature and a check cost about a millisecond
 * together (fixed-base table), so the whole class runs in a few seconds.
 */
class PhoneSignatureProperties {
  private static final PhoneSigner SIGNER = new PhoneSigner(AUTHORITY_KEY_INDEX, AUTHORITY_KEY);
  private static final PhoneVerifier VERIFIER =
      PhoneVerifier.of(AUTHORITY_KEY_INDEX, AUTHORITY_KEY.publicKey());

  /** Signed pairs to alter, made once: altering needs no fresh signature per try. */
  private static final int POOL = 32;

  private static final List<InstallationId> POOL_IIDS = new ArrayList<>();
  private static final List<ConfirmationId> POOL_CIDS = new ArrayList<>();

  static {
    SplittableRandom random = new SplittableRandom(10);
    for (int i = 0; i < POOL; i++) {
      Map<Component, Integer> hw = new EnumMap<>(Component.class);
      for (Component component : Component.values()) {
        hw.put(component, random.nextInt(256));
      }
      InstallationId iid =
          new InstallationId(
              random.nextInt(65536),
              random.nextLong(1L << 34),
              random.nextInt(64),
              random.nextInt(256),
              new HardwareFingerprint(hw),
              random.nextInt(1 << 24));
      POOL_IIDS.add(iid);
      POOL_CIDS.add(SIGNER.sign(iid));
    }
  }

  @Property(tries = 1000)
  void aCidConfirmsTheIidItWasIssuedFor(@ForAll("iids") InstallationId iid) {
    ConfirmationId cid = SIGNER.sign(iid);

    assertThat(cid.keyIndex()).isEqualTo(AUTHORITY_KEY_INDEX);
    assertThat(cid.flags()).isZero();
    assertThat(cid.response()).isLessThan(P256.N);
    assertThat(VERIFIER.verify(cid.text(), iid)).isEqualTo(new CidCheck.Confirmed(cid));
  }

  @Property(tries = 1000)
  void aCidNeverConfirmsAnotherIid(
      @ForAll("iids") InstallationId iid, @ForAll("iids") InstallationId other) {
    Assume.that(!iid.equals(other));

    assertNotIssued(VERIFIER.verify(SIGNER.sign(iid).text(), other));
  }

  @Property(tries = 1000)
  void aCidNeverConfirmsAnIidThatDiffersInOneField(
      @ForAll @IntRange(min = 0, max = POOL - 1) int pick,
      @ForAll @IntRange(min = 0, max = 14) int field,
      @ForAll @IntRange(min = 1, max = 255) int delta) {
    InstallationId iid = POOL_IIDS.get(pick);
    InstallationId other = changedField(iid, field, delta);
    Assume.that(!iid.equals(other));

    assertNotIssued(VERIFIER.verify(POOL_CIDS.get(pick).text(), other));
  }

  @Property(tries = 1000)
  void randomDigitsWithValidCheckDigitsNeverVerify(
      @ForAll("iids") InstallationId iid,
      @ForAll("challenges") BigInteger e,
      @ForAll("responses") BigInteger s) {
    // The trusted key index and no flags, so that only the signature stands in the way.
    ConfirmationId forged = new ConfirmationId(AUTHORITY_KEY_INDEX, 0, e, s);

    assertNotIssued(VERIFIER.verify(forged.text(), iid));
  }

  @Property(tries = 1000)
  void anyValueACidCanSpellIsRefusedUnlessSigned(
      @ForAll("iids") InstallationId iid, @ForAll("cidShapes") ConfirmationId forged) {
    assertNotIssued(VERIFIER.verify(forged.text(), iid));
  }

  @Property(tries = 1000)
  void aCidWithOneDigitChangedAndItsCheckDigitFixedNeverVerifies(
      @ForAll @IntRange(min = 0, max = POOL - 1) int pick,
      @ForAll @IntRange(min = 0, max = ConfirmationId.GROUPS * DigitGroups.DATA_DIGITS - 1)
          int dataPosition,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    String digits = POOL_CIDS.get(pick).digits();
    int group = dataPosition / DigitGroups.DATA_DIGITS + 1;
    int at = (group - 1) * DigitGroups.GROUP_LENGTH + dataPosition % DigitGroups.DATA_DIGITS;
    StringBuilder altered = new StringBuilder(digits);
    altered.setCharAt(at, (char) ('0' + (digits.charAt(at) - '0' + shift) % 10));
    String retyped = PhoneArbitraries.withCheckDigitRecomputed(altered.toString(), group);
    // Every group is well typed: no check digit complains, only the data can be refused.
    if (ConfirmationId.parse(retyped) instanceof CidParse.Rejected rejected) {
      assertThat(rejected.failure().error()).isEqualTo(ErrorCode.CID_INVALID_DATA);
    }

    assertNotIssued(VERIFIER.verify(retyped, POOL_IIDS.get(pick)));
  }

  @Property(tries = 1000)
  void anotherKeysCidNeverVerifies(
      @ForAll("iids") InstallationId iid, @ForAll("scalars") BigInteger otherScalar) {
    Assume.that(!otherScalar.equals(AUTHORITY_KEY.scalar()));
    PhonePrivateKey otherKey =
        PhoneArbitraries.decodePrivate(
            Base64.getEncoder().encodeToString(Bytes.fixed(otherScalar, 32)));
    // Same index: a machine must not take another authority's (or an attacker's) key for ours.
    ConfirmationId cid = new PhoneSigner(AUTHORITY_KEY_INDEX, otherKey).sign(iid);

    assertNotIssued(VERIFIER.verify(cid.text(), iid));
    assertThat(PhoneVerifier.of(AUTHORITY_KEY_INDEX, otherKey.publicKey()).verify(cid, iid))
        .isInstanceOf(CidCheck.Confirmed.class);
  }

  private static void assertNotIssued(CidCheck check) {
    assertThat(check).isInstanceOf(CidCheck.Rejected.class);
    CidCheck.Rejected rejected = (CidCheck.Rejected) check;
    assertThat(rejected.failure().error()).isEqualTo(ErrorCode.CID_INVALID_DATA);
    assertThat(rejected.failure().error().hex()).isEqualTo("0xC004F02C");
    assertThat(rejected.groups()).isEmpty();
  }

  /**
   * {@code iid} with field {@code field} moved by {@code delta}: 0..3 key group, serial, version,
   * edition; 4..13 a hardware short hash; 14 the key proof.
   */
  private static InstallationId changedField(InstallationId iid, int field, int delta) {
    Map<Component, Integer> hw = new EnumMap<>(iid.hardware().shortHashes());
    int keyGroup = iid.keyGroup();
    long serial = iid.serial();
    int version = iid.versionIndex();
    int edition = iid.editionIndex();
    int proof = iid.keyProof();
    switch (field) {
      case 0 -> keyGroup = (keyGroup + delta) % 65536;
      case 1 -> serial = (serial + delta) % (1L << 34);
      case 2 -> version = (version + delta) % 64;
      case 3 -> edition = (edition + delta) % 256;
      case 14 -> proof = (proof + delta) % (1 << 24);
      default -> {
        Component component = Component.values()[field - 4];
        hw.put(component, (hw.get(component) + delta) % 256);
      }
    }
    return new InstallationId(
        keyGroup, serial, version, edition, new HardwareFingerprint(hw), proof);
  }

  @Provide
  Arbitrary<InstallationId> iids() {
    return PhoneArbitraries.iids();
  }

  @Provide
  Arbitrary<ConfirmationId> cidShapes() {
    return PhoneArbitraries.cidShapes();
  }

  @Provide
  Arbitrary<BigInteger> challenges() {
    return PhoneArbitraries.belowPowerOfTwo(ConfirmationId.CHALLENGE_BITS);
  }

  @Provide
  Arbitrary<BigInteger> responses() {
    return Arbitraries.oneOf(
        PhoneArbitraries.scalars(), PhoneArbitraries.belowPowerOfTwo(ConfirmationId.RESPONSE_BITS));
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    return PhoneArbitraries.scalars();
  }
}
