package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The CID's written form, for every value it can spell (signatures are PhoneSignatureProperties').
 */
class ConfirmationIdProperties {

  @Property(tries = 1000)
  void roundTrips(@ForAll("cids") ConfirmationId cid) {
    assertThat(cid.text()).matches("(\\d{7}-){19}\\d{7}");
    assertThat(ConfirmationId.parse(cid.text())).isEqualTo(new CidParse.Parsed(cid));
    assertThat(ConfirmationId.parse(cid.digits())).isEqualTo(new CidParse.Parsed(cid));
  }

  @Property(tries = 1000)
  void everySingleWrongDigitIsCaughtAndItsGroupNamed(
      @ForAll("cids") ConfirmationId cid,
      @ForAll @IntRange(min = 0, max = ConfirmationId.DIGITS - 1) int position,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    StringBuilder typo = new StringBuilder(cid.digits());
    typo.setCharAt(position, (char) ('0' + (typo.charAt(position) - '0' + shift) % 10));
    int group = position / DigitGroups.GROUP_LENGTH + 1;

    CidParse parse = ConfirmationId.parse(PhoneArbitraries.grouped(typo.toString()));

    assertThat(parse).isInstanceOf(CidParse.Rejected.class);
    CidParse.Rejected rejected = (CidParse.Rejected) parse;
    assertThat(rejected.failure().error()).isEqualTo(ErrorCode.CID_INVALID_CHECK_DIGITS);
    assertThat(rejected.groups()).containsExactly(group);
    assertThat(rejected.failure().message()).contains("group " + group);
  }

  @Property(tries = 1000)
  void everyAdjacentSwapWithinAGroupIsCaught(
      @ForAll("cids") ConfirmationId cid,
      @ForAll @IntRange(min = 1, max = ConfirmationId.GROUPS) int group,
      @ForAll @IntRange(min = 0, max = DigitGroups.GROUP_LENGTH - 2) int offset) {
    int at = (group - 1) * DigitGroups.GROUP_LENGTH + offset;
    String digits = cid.digits();
    Assume.that(digits.charAt(at) != digits.charAt(at + 1));
    StringBuilder swapped = new StringBuilder(digits);
    swapped.setCharAt(at, digits.charAt(at + 1));
    swapped.setCharAt(at + 1, digits.charAt(at));

    CidParse parse = ConfirmationId.parse(swapped.toString());

    assertThat(parse).isInstanceOf(CidParse.Rejected.class);
    assertThat(((CidParse.Rejected) parse).groups()).containsExactly(group);
  }

  @Provide
  Arbitrary<ConfirmationId> cids() {
    return PhoneArbitraries.cidShapes();
  }
}
