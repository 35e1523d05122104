package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.key.KeyPayload;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class InstallationIdProperties {

  @Property(tries = 1000)
  void roundTrips(@ForAll("iids") InstallationId iid) {
    assertThat(InstallationId.parse(iid.text())).isEqualTo(new IidParse.Parsed(iid));
    assertThat(InstallationId.parse(iid.digits())).isEqualTo(new IidParse.Parsed(iid));
    assertThat(InstallationId.parse(iid.text().replace('-', ' ')))
        .isEqualTo(new IidParse.Parsed(iid));
    assertThat(iid.text()).hasSize(InstallationId.DIGITS + InstallationId.GROUPS - 1);
  }

  @Property(tries = 1000)
  void anIidProvesTheKeyItWasMadeWith(
      @ForAll("payloads") KeyPayload key,
      @ForAll @IntRange(min = 0, max = InstallationId.MAX_VERSION_INDEX) int versionIndex,
      @ForAll @IntRange(min = 0, max = InstallationId.MAX_EDITION_INDEX) int editionIndex,
      @ForAll("fingerprints") HardwareFingerprint hardware) {
    InstallationId iid = InstallationId.of(key, versionIndex, editionIndex, hardware);

    assertThat(iid.provesKey(key)).isTrue();
    assertThat(InstallationId.parse(iid.text())).isEqualTo(new IidParse.Parsed(iid));
    assertThat(((IidParse.Parsed) InstallationId.parse(iid.text())).iid().provesKey(key)).isTrue();
  }

  @Property(tries = 1000)
  void canonicalBytesAreInjective(
      @ForAll("iids") InstallationId one, @ForAll("iids") InstallationId other) {
    Assume.that(!one.equals(other));

    assertThat(one.canonicalBytes()).hasSize(23).isNotEqualTo(other.canonicalBytes());
    assertThat(one.text()).isNotEqualTo(other.text());
  }

  @Property(tries = 1000)
  void everySingleWrongDigitIsCaughtAndItsGroupNamed(
      @ForAll("iids") InstallationId iid,
      @ForAll @IntRange(min = 0, max = InstallationId.DIGITS - 1) int position,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    StringBuilder typo = new StringBuilder(iid.digits());
    typo.setCharAt(position, (char) ('0' + (typo.charAt(position) - '0' + shift) % 10));
    int group = position / DigitGroups.GROUP_LENGTH + 1;

    IidParse parse = InstallationId.parse(PhoneArbitraries.grouped(typo.toString()));

    assertThat(parse).isInstanceOf(IidParse.Rejected.class);
    IidParse.Rejected rejected = (IidParse.Rejected) parse;
    assertThat(rejected.failure().error()).isEqualTo(ErrorCode.CID_INVALID_CHECK_DIGITS);
    assertThat(rejected.failure().error().hex()).isEqualTo("0xC004F04D");
    assertThat(rejected.groups()).containsExactly(group);
    assertThat(rejected.failure().message()).contains("group " + group);
  }

  @Property(tries = 1000)
  void everyAdjacentSwapWithinAGroupIsCaught(
      @ForAll("iids") InstallationId iid,
      @ForAll @IntRange(min = 1, max = InstallationId.GROUPS) int group,
      @ForAll @IntRange(min = 0, max = DigitGroups.GROUP_LENGTH - 2) int offset) {
    int at = (group - 1) * DigitGroups.GROUP_LENGTH + offset;
    String digits = iid.digits();
    Assume.that(digits.charAt(at) != digits.charAt(at + 1));
    StringBuilder swapped = new StringBuilder(digits);
    swapped.setCharAt(at, digits.charAt(at + 1));
    swapped.setCharAt(at + 1, digits.charAt(at));

    IidParse parse = InstallationId.parse(swapped.toString());

    assertThat(parse).isInstanceOf(IidParse.Rejected.class);
    assertThat(((IidParse.Rejected) parse).groups()).containsExactly(group);
  }

  @Property(tries = 1000)
  void twoGroupsSwappedAreCaught(
      @ForAll("iids") InstallationId iid,
      @ForAll @IntRange(min = 1, max = InstallationId.GROUPS) int one,
      @ForAll @IntRange(min = 1, max = InstallationId.GROUPS) int other) {
    String[] groups = iid.text().split("-");
    Assume.that(!groups[one - 1].equals(groups[other - 1]));
    String kept = groups[one - 1];
    groups[one - 1] = groups[other - 1];
    groups[other - 1] = kept;

    IidParse parse = InstallationId.parse(String.join("-", groups));

    assertThat(parse).isInstanceOf(IidParse.Rejected.class);
    assertThat(((IidParse.Rejected) parse).groups())
        .containsExactlyInAnyOrder(Math.min(one, other), Math.max(one, other));
  }

  @Provide
  Arbitrary<InstallationId> iids() {
    return PhoneArbitraries.iids();
  }

  @Provide
  Arbitrary<KeyPayload> payloads() {
    return Combinators.combine(
            Arbitraries.integers().between(0, KeyPayload.MAX_GROUP),
            Arbitraries.longs().between(0, KeyPayload.MAX_SERIAL),
            Arbitraries.longs().between(0, KeyPayload.TAG_MASK))
        .as(KeyPayload::new);
  }

  @Provide
  Arbitrary<HardwareFingerprint> fingerprints() {
    return PhoneArbitraries.fingerprints();
  }
}
