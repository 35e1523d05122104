package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DigitGroupsTest {
  private static final BigInteger VALUE = new BigInteger("123456789012345678");

  @Test
  void writesGroupsOfSixDataDigitsAndACheckDigit() {
    String text = DigitGroups.write(VALUE, 3);

    assertThat(text).matches("\\d{7}-\\d{7}-\\d{7}");
    assertThat(text.substring(0, 6)).isEqualTo("123456");
    assertThat(text.substring(8, 14)).isEqualTo("789012");
    assertThat(DigitGroups.isValidGroup(1, text.substring(0, 7))).isTrue();
    assertThat(DigitGroups.isValidGroup(2, text.substring(8, 15))).isTrue();
    assertThat(DigitGroups.isValidGroup(3, text.substring(16, 23))).isTrue();
  }

  @Test
  void padsSmallValuesWithLeadingZeros() {
    assertThat(DigitGroups.write(BigInteger.ONE, 2)).startsWith("000000").hasSize(15);
  }

  @Test
  void readsHyphensSpacesOrNothingBetweenGroups() {
    String text = DigitGroups.write(VALUE, 3);
    String bare = text.replace("-", "");

    for (String typed :
        new String[] {
          text,
          bare,
          text.replace('-', ' '),
          "  " + text + "\n",
          bare.substring(0, 10) + " " + bare.substring(10)
        }) {
      assertThat(DigitGroups.read(typed, 3, "ID")).isEqualTo(new DigitGroups.Reading.Value(VALUE));
    }
  }

  @Test
  void namesTheGroupWithTheWrongCheckDigit() {
    String wrong = bump(DigitGroups.write(VALUE, 3), 14);

    var reading = (DigitGroups.Reading.Mistyped) DigitGroups.read(wrong, 3, "confirmation ID");

    assertThat(reading.groups()).containsExactly(2);
    assertThat(reading.failure().error()).isEqualTo(ErrorCode.CID_INVALID_CHECK_DIGITS);
    assertThat(reading.failure().message())
        .contains("group 2")
        .contains("confirmation ID")
        .contains("Re-enter group 2");
  }

  @Test
  void namesEveryGroupWithAWrongCheckDigit() {
    String wrong = bump(bump(DigitGroups.write(VALUE, 3), 0), 16);

    var reading = (DigitGroups.Reading.Mistyped) DigitGroups.read(wrong, 3, "ID");

    assertThat(reading.groups()).containsExactly(1, 3);
    assertThat(reading.failure().message()).contains("groups 1 and 3");
  }

  /** {@code text} with the digit at {@code index} replaced by the next one (9 becomes 0). */
  private static String bump(String text, int index) {
    char next = (char) ('0' + (text.charAt(index) - '0' + 1) % 10);
    return text.substring(0, index) + next + text.substring(index + 1);
  }

  @Test
  void namesAGroupOfTheWrongLengthWhenGroupsAreSeparated() {
    String text = DigitGroups.write(VALUE, 3);
    String shortGroup = text.substring(0, 10) + text.substring(11);

    var reading = (DigitGroups.Reading.Mistyped) DigitGroups.read(shortGroup, 3, "ID");

    assertThat(reading.groups()).containsExactly(2);
    assertThat(reading.failure().error()).isEqualTo(ErrorCode.CID_INVALID_CHECK_DIGITS);
    assertThat(reading.failure().message()).contains("group 2 has another number of digits");
  }

  @Test
  void separatorsAreOnlyHintsTheDigitsDecide() {
    String[] groups = DigitGroups.write(VALUE, 3).split("-");
    // Every digit right, one hyphen a place too early: accepted as typed.
    String misplaced =
        groups[0].substring(0, 6) + "-" + groups[0].charAt(6) + groups[1] + "-" + groups[2];
    // A digit dropped from group 1 and one added to group 2: both groups are named.
    String shifted = groups[0].substring(0, 6) + "-" + groups[1] + "0" + "-" + groups[2];

    assertThat(DigitGroups.read(misplaced, 3, "ID"))
        .isEqualTo(new DigitGroups.Reading.Value(VALUE));
    var reading = (DigitGroups.Reading.Mistyped) DigitGroups.read(shifted, 3, "ID");
    assertThat(reading.groups()).containsExactly(1, 2);
  }

  @Test
  void aMissingDigitWithoutSeparatorsNamesNoGroup() {
    String bare = DigitGroups.write(VALUE, 3).replace("-", "");

    var reading = (DigitGroups.Reading.Mistyped) DigitGroups.read(bare.substring(1), 3, "ID");

    assertThat(reading.groups()).isEmpty();
    assertThat(reading.failure().message()).contains("21 digits").contains("20 were given");
  }

  @Test
  void refusesLettersAndSaysWhichOnes() {
    String text = DigitGroups.write(VALUE, 3).replace('1', 'l').replace('0', 'O');

    var reading = (DigitGroups.Reading.Mistyped) DigitGroups.read(text, 3, "ID");

    assertThat(reading.failure().error()).isEqualTo(ErrorCode.CID_INVALID_CHECK_DIGITS);
    assertThat(reading.failure().message()).contains("'l'").contains("'O'");
  }

  @Test
  void refusesHugeInputWithoutLookingAtIt() {
    var reading =
        (DigitGroups.Reading.Mistyped)
            DigitGroups.read("1".repeat(DigitGroups.MAX_INPUT_LENGTH + 1), 3, "ID");

    assertThat(reading.failure().message()).contains("too long");
  }

  @Test
  void isValidGroupWantsExactlySevenDigits() {
    String group = DigitGroups.write(BigInteger.valueOf(314159), 1);

    assertThat(DigitGroups.isValidGroup(1, group)).isTrue();
    assertThat(DigitGroups.isValidGroup(1, group + "0")).isFalse();
    assertThat(DigitGroups.isValidGroup(1, group.substring(1))).isFalse();
    assertThat(DigitGroups.isValidGroup(1, group.substring(0, 6) + "x")).isFalse();
    assertThat(DigitGroups.isValidGroup(0, group)).isFalse();
  }

  @Test
  void groupListReadsNaturally() {
    assertThat(DigitGroups.groupList(java.util.List.of(4))).isEqualTo("group 4");
    assertThat(DigitGroups.groupList(java.util.List.of(1, 4, 7))).isEqualTo("groups 1, 4 and 7");
  }
}
