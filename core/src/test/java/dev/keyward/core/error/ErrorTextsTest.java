package dev.keyward.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code remedies.txt} and {@link ErrorCode} stay 1:1: every code its entry, no orphan entry. */
class ErrorTextsTest {
  /** Codes that may still carry their texts in the enum until they are moved (see ErrorCode). */
  private static final int TRANSITION_FIRST = 0xC0DE0030;

  private static final int TRANSITION_LAST = 0xC0DE005F;

  @Test
  void everyCodeHasItsTextsInExactlyOnePlace() {
    for (ErrorCode error : ErrorCode.values()) {
      boolean inFile = ErrorTexts.all().containsKey(error.name());
      assertThat(inFile ^ error.hasInlineTexts())
          .as("%s has its causes and remedies in exactly one place", error)
          .isTrue();
    }
  }

  @Test
  void onlyTheTransitionRangeMayKeepItsTextsInTheEnum() {
    List<ErrorCode> inline =
        Arrays.stream(ErrorCode.values()).filter(ErrorCode::hasInlineTexts).toList();
    assertThat(inline)
        .allSatisfy(
            e ->
                assertThat(
                        Integer.compareUnsigned(e.code(), TRANSITION_FIRST) >= 0
                            && Integer.compareUnsigned(e.code(), TRANSITION_LAST) <= 0)
                    .as("%s %s belongs in remedies.txt", e, e.hex())
                    .isTrue());
  }

  @Test
  void noEntryWithoutItsCode() {
    Set<String> names =
        Arrays.stream(ErrorCode.values()).map(ErrorCode::name).collect(Collectors.toSet());
    assertThat(ErrorTexts.all().keySet()).allSatisfy(n -> assertThat(names).contains(n));
  }

  @Test
  void eachEntryNamesItsCodesNumber() {
    ErrorTexts.all()
        .forEach(
            (name, entry) ->
                assertThat(entry.hex()).as(name).isEqualTo(ErrorCode.valueOf(name).hex()));
  }

  @Test
  void theCodesReadTheirTextsFromTheFile() {
    ErrorTexts.Entry entry = ErrorTexts.all().get("UNKNOWN_CODE");
    assertThat(ErrorCode.UNKNOWN_CODE.causes()).isEqualTo(entry.causes()).isNotEmpty();
    assertThat(ErrorCode.UNKNOWN_CODE.remedies()).isEqualTo(entry.remedies()).isNotEmpty();
  }

  @Test
  void continuationLinesJoinWithOneSpace() {
    Map<String, ErrorTexts.Entry> entries =
        ErrorTexts.parse(
            """
            # a comment
            SOME_CODE 0xC0DE0001
              cause  The first
                cause, continued.
              cause  Another.

              remedy Run `keyward slmgr
                /ato`.
            OTHER 0xC0DE0002
              remedy Only this.
            """);
    assertThat(entries.keySet()).containsExactly("SOME_CODE", "OTHER");
    assertThat(entries.get("SOME_CODE").causes())
        .containsExactly("The first cause, continued.", "Another.");
    assertThat(entries.get("SOME_CODE").remedies()).containsExactly("Run `keyward slmgr /ato`.");
    assertThat(entries.get("OTHER").causes()).isEmpty();
  }

  @Test
  void malformedTextIsRefusedWithItsLine() {
    assertThatThrownBy(() -> ErrorTexts.parse("SOME_CODE\n  cause A.\n"))
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> ErrorTexts.parse("  cause A.\n")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> ErrorTexts.parse("A 0xC0DE0001\n  because A.\n"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> ErrorTexts.parse("A 0xC0DE0001\nA 0xC0DE0001\n"))
        .hasMessageContaining("second entry");
  }
}
