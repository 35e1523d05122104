package dev.keyward.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCatalogueTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0xC004F050",
        "0XC004F050",
        "0xc004f050",
        "c004f050",
        "C004F050",
        "-1073418160",
        "3221549136",
        "  0xC004F050  ",
        "\t3221549136\n",
        "SL_E_INVALID_PRODUCT_KEY",
        "sl_e_invalid_product_key"
      })
  void looksUpEveryAcceptedForm(String text) {
    assertThat(ErrorCatalogue.lookup(text)).contains(ErrorCode.INVALID_PRODUCT_KEY);
  }

  @Test
  void looksUpCodesWithoutTheHighBitAndLeadingZeros() {
    assertThat(ErrorCatalogue.lookup("0x4004F00C")).contains(ErrorCode.GRACE_PERIOD_RUNNING);
    assertThat(ErrorCatalogue.lookup("1074065420")).contains(ErrorCode.GRACE_PERIOD_RUNNING);
    assertThat(ErrorCatalogue.lookup("80070032")).contains(ErrorCode.NOT_SUPPORTED);
    assertThat(ErrorCatalogue.lookup("+3221549136")).contains(ErrorCode.INVALID_PRODUCT_KEY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "0x",
        "0xC004F051",
        "C004F05",
        "0C004F050",
        "0xC004F0500",
        "0x1C004F050",
        "0xG004F050",
        "C004F050h",
        "0x C004F050",
        "3221549137",
        "4294967296",
        "-2147483649",
        "99999999999",
        "--1073418160",
        "SL_E_NO_SUCH_THING",
        "INVALID_PRODUCT_KEY",
        "hello"
      })
  void unknownOrMalformedCodesGiveEmpty(String text) {
    assertThat(ErrorCatalogue.lookup(text)).isEmpty();
  }

  @Test
  void nullGivesEmpty() {
    assertThat(ErrorCatalogue.lookup((String) null)).isEmpty();
  }

  @Test
  void allIsEveryConstantInDeclarationOrderAndCannotBeChanged() {
    assertThat(ErrorCatalogue.all()).containsExactly(ErrorCode.values());
    assertThat(ErrorCatalogue.all()).isSameAs(ErrorCatalogue.all());
    assertThatThrownBy(() -> ErrorCatalogue.all().add(ErrorCode.BAD_REQUEST))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ErrorCode.BAD_REQUEST.causes().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void lookupByIntFindsEveryConstant() {
    Arrays.stream(ErrorCode.values())
        .forEach(e -> assertThat(ErrorCatalogue.lookup(e.code())).contains(e));
    assertThat(ErrorCatalogue.lookup(0)).isEmpty();
  }

  @Test
  void explainRendersHeaderMeaningCausesAndNumberedRemedies() {
    String text = ErrorCatalogue.explain(ErrorCode.VALIDITY_PERIOD_EXPIRED);
    assertThat(text).startsWith("0xC004FC07 SL_E_VALIDITY_PERIOD_EXPIRED\n\nThe evaluation period");
    assertThat(text)
        .containsSubsequence("\nLikely causes:\n  - ", "\nRemedies:\n  1. ", "\n  2. ", "\n  5. ")
        .doesNotContain("\n  6. ")
        .endsWith("\n");
    assertThat(text)
        .contains("`keyward dism /online /Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula`");
  }

  @Test
  void explainMarksInformationalCodes() {
    assertThat(ErrorCatalogue.explain(ErrorCode.EVALUATION_RUNNING))
        .startsWith("0x4004FC04 SL_I_TIMEBASED_VALIDITY_PERIOD (informational)\n");
    assertThat(ErrorCatalogue.explain(ErrorCode.INVALID_PRODUCT_KEY))
        .doesNotContain("informational");
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void explainWrapsWithoutLosingTextOrSplittingCommands(ErrorCode error) {
    String text = ErrorCatalogue.explain(error);
    assertThat(text.lines())
        .as("lines fit in 80 columns, except one holding nothing but a quoted command")
        .allMatch(l -> l.length() <= 80 || l.strip().matches("`[^`]*`[.,;:)]?"));
    assertThat(text.lines())
        .as("a quoted command never spans two lines")
        .allSatisfy(l -> assertThat(l.chars().filter(c -> c == '`').count()).isEven());
    String flat = text.replaceAll("\\s+", " ");
    assertThat(flat).contains(error.meaning());
    error.causes().forEach(c -> assertThat(flat).contains(c));
    error.remedies().forEach(r -> assertThat(flat).contains(r));
  }

  @Test
  void failureUsesTheCatalogueWhenItHasNoDetail() {
    Failure bare = Failure.of(ErrorCode.RATE_LIMITED, "");
    assertThat(bare.message()).isEqualTo(ErrorCode.RATE_LIMITED.meaning());
    assertThat(bare.remedy()).isEqualTo(ErrorCode.RATE_LIMITED.remedy());
    Failure detailed = Failure.of(ErrorCode.RATE_LIMITED, "retry after 30 s");
    assertThat(detailed).hasToString("0xC0DE0006 KW_E_RATE_LIMITED: retry after 30 s");
  }
}
