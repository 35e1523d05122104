package dev.keyward.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The quality rules every catalogue text must meet. */
class ErrorCodeTest {

  private static List<String> texts(ErrorCode error) {
    List<String> texts = new ArrayList<>();
    texts.add(error.meaning());
    texts.addAll(error.causes());
    texts.addAll(error.remedies());
    return texts;
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyEntryIsFilledIn(ErrorCode error) {
    assertThat(error.meaning()).isNotBlank();
    assertThat(error.causes()).hasSizeBetween(2, 5).allSatisfy(c -> assertThat(c).isNotBlank());
    assertThat(error.remedies()).hasSizeBetween(2, 5).allSatisfy(r -> assertThat(r).isNotBlank());
    assertThat(texts(error)).noneMatch(t -> t.toUpperCase().contains("TODO"));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void meaningIsOneSentenceAndEveryTextEndsAsASentence(ErrorCode error) {
    assertThat(error.meaning()).doesNotContain(". ").doesNotContain("; ");
    assertThat(texts(error)).allSatisfy(t -> assertThat(t).endsWith(".").isEqualTo(t.strip()));
  }

  @Test
  void codesAndSymbolicNamesAreUnique() {
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::symbolicName))
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void hexIsTheCodeInEightUpperCaseDigits(ErrorCode error) {
    assertThat(error.hex()).matches("0x[0-9A-F]{8}");
    assertThat(Integer.parseUnsignedInt(error.hex().substring(2), 16)).isEqualTo(error.code());
  }

  @Test
  void keywardCodesAreInTheirOwnRange() {
    assertThat(ErrorCode.values())
        .filteredOn(e -> e.symbolicName().startsWith("KW_"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.hex()).startsWith("0xC0DE00"));
  }

  @Test
  void onlyTheStateReportsAreInformational() {
    assertThat(ErrorCode.values())
        .filteredOn(ErrorCode::informational)
        .containsExactlyInAnyOrder(ErrorCode.GRACE_PERIOD_RUNNING, ErrorCode.EVALUATION_RUNNING);
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void remedyJoinsTheRemediesInOrder(ErrorCode error) {
    assertThat(error.remedy()).startsWith(error.remedies().get(0));
    assertThat(error.remedy()).endsWith(error.remedies().get(error.remedies().size() - 1));
    assertThat(error.remedy())
        .hasSize(
            error.remedies().stream().mapToInt(String::length).sum() + error.remedies().size() - 1);
  }

  // --- Words (SPEC §0): Keyward's vocabulary, nothing proprietary ---

  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "(?i)\\bmicrosoft\\b|\\bwindows\\b|\\bkms\\b|\\bgvlk\\b|\\bcsvlk\\b|\\bvamt\\b|\\bavma\\b"
              + "|\\badba\\b|\\bsppsvc\\b|slmgr\\.vbs|_vlmcs|activation center|https?://|www\\."
              + "|\\+\\d|\\b\\d{3}[ .-]\\d{3}[ .-]\\d{4}\\b");

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void textsUseKeywardWordsOnly(ErrorCode error) {
    assertThat(texts(error)).noneMatch(t -> FORBIDDEN.matcher(t).find());
  }

  @Test
  void forbiddenWordsPatternCatchesSeedTerms() {
    assertThat(
            Stream.of(
                "Run slmgr.vbs /ato",
                "the KMS host",
                "install the GVLK",
                "see https://x",
                "call +33 1"))
        .allMatch(t -> FORBIDDEN.matcher(t).find());
    assertThat(FORBIDDEN.matcher("`keyward slmgr /skms HOST:PORT` and `/ckms`").find()).isFalse();
  }

  // --- Commands: every quoted keyward command is one the CLI has (SPEC §8, §9, §14) ---

  private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");

  private static final Set<String> SLMGR_OPTIONS =
      Set.of(
          "/ipk",
          "/ato",
          "/dli",
          "/dlv",
          "/xpr",
          "/upk",
          "/cpky",
          "/rearm",
          "/dti",
          "/atp",
          "/skms",
          "/ckms",
          "/skms-domain",
          "/ckms-domain",
          "/skhc",
          "/ckhc",
          "/sai",
          "/sri",
          "/?");

  private static final Pattern DISM =
      Pattern.compile(
          "keyward dism /online (/Get-CurrentEdition|/Get-TargetEditions"
              + "|/Set-Edition:\\w+ /ProductKey:KEY /AcceptEula)");

  private static final List<String> OTHER_VERBS =
      List.of(
          "keyward slui 4",
          "keyward --help",
          "keyward explain ",
          "keyward restart",
          "keyward init",
          "keyward admin ",
          "keyward authority serve ",
          "keyward lab run ",
          "keyward evidence export -o ",
          "keyward evidence verify ",
          "keyward compliance report ",
          "keyward directory ",
          "keyward vm-host ");

  static boolean isKnownCommand(String command) {
    if (command.startsWith("keyward slmgr ")) {
      String[] words = command.split(" ");
      return words.length >= 3 && SLMGR_OPTIONS.contains(words[2]);
    }
    if (command.startsWith("keyward dism ")) {
      return DISM.matcher(command).matches();
    }
    if (command.startsWith("keyward init ")) {
      return command.equals("keyward init --product P --version V --edition E")
          || command.equals("keyward init --product P --version V --edition E --trust FILE");
    }
    return OTHER_VERBS.stream().anyMatch(v -> command.equals(v.strip()) || command.startsWith(v));
  }

  private static List<String> quoted(String text) {
    List<String> spans = new ArrayList<>();
    Matcher m = QUOTED.matcher(text);
    while (m.find()) {
      spans.add(m.group(1));
    }
    return spans;
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void quotedCommandsAreBalancedAndKnown(ErrorCode error) {
    for (String text : texts(error)) {
      assertThat(text.chars().filter(c -> c == '`').count()).as(text).isEven();
      assertThat(quoted(text))
          .as(text)
          .filteredOn(s -> s.startsWith("keyward"))
          .allMatch(ErrorCodeTest::isKnownCommand);
    }
  }

  @Test
  void commandCheckRejectsMadeUpCommands() {
    assertThat(isKnownCommand("keyward slmgr /ato")).isTrue();
    assertThat(
            isKnownCommand(
                "keyward dism /online /Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula"))
        .isTrue();
    assertThat(isKnownCommand("keyward slmgr /activate")).isFalse();
    assertThat(isKnownCommand("keyward dism /online /Set-Edition:ServerStandard")).isFalse();
    assertThat(isKnownCommand("keyward volume-host start")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyRemedyListNamesACommandOrAPerson(ErrorCode error) {
    assertThat(error.remedies())
        .anyMatch(r -> r.contains("`") || r.contains("support") || r.contains("message"));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void codesMentionedInTextsAreInTheCatalogue(ErrorCode error) {
    Pattern hex = Pattern.compile("0x[0-9A-Fa-f]{8}");
    for (String text : texts(error)) {
      Matcher m = hex.matcher(text);
      while (m.find()) {
        String mentioned = m.group();
        assertThat(ErrorCode.values()).as(text).anyMatch(e -> e.hex().equalsIgnoreCase(mentioned));
      }
    }
  }

  // --- The seeds' decision trees, where they name a specific step ---

  @Test
  void evaluationExpiredIsFixedByConversionRestartActivation() {
    String remedy = ErrorCode.VALIDITY_PERIOD_EXPIRED.remedy();
    assertThat(remedy)
        .containsSubsequence(
            "`keyward slmgr /dlv`",
            "`keyward dism /online /Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula`",
            "`keyward restart`",
            "`keyward slmgr /ato`")
        .contains("Evaluation End Date");
  }

  @Test
  void evaluationRefusingOtherKeysIsFixedByConversion() {
    assertThat(ErrorCode.NOT_SUPPORTED.remedy())
        .containsSubsequence(
            "`keyward slmgr /dlv`",
            "/Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula",
            "`keyward restart`",
            "`keyward slmgr /ato`");
    assertThat(ErrorCode.NOT_SUPPORTED.causes()).anyMatch(c -> c.contains("evaluation edition"));
  }

  @Test
  void keyInUseElsewhereIsReleasedOrTransferredBySupportButNeverForOem() {
    String remedy = ErrorCode.MAXIMUM_UNLOCK_EXCEEDED.remedy();
    assertThat(remedy).containsSubsequence("`keyward slmgr /upk`", "`keyward slmgr /ipk KEY`");
    assertThat(remedy).contains("`keyward slui 4`").contains("support");
    assertThat(ErrorCode.MAXIMUM_UNLOCK_EXCEEDED.remedies())
        .anyMatch(r -> r.startsWith("OEM") && r.contains("cannot transfer"));
  }

  @Test
  void outOfToleranceKeepsIdentityAndReactivatesPerChannel() {
    List<String> remedies = ErrorCode.OUT_OF_TOLERANCE.remedies();
    assertThat(remedies).anyMatch(r -> r.contains("uuid and serial"));
    assertThat(remedies).anyMatch(r -> r.contains("MAK") && r.contains("`keyward slui 4`"));
    assertThat(remedies)
        .anyMatch(r -> r.startsWith("Volume client") && r.contains("`keyward slmgr /ato`"));
    assertThat(ErrorCode.OUT_OF_TOLERANCE.causes()).anyMatch(c -> c.contains("Proxmox"));
  }

  @Test
  void keywardOwnCodesPointAtTheirSpecificFix() {
    assertThat(ErrorCode.CATALOG_INVALID.remedy()).contains("line");
    assertThat(ErrorCode.INPUT_FILE_INVALID.remedy()).contains("line");
    assertThat(ErrorCode.INPUT_FILE_INVALID.meaning()).doesNotContain("catalog");
    assertThat(ErrorCode.SIMULATED_MACHINE_REFUSED.remedy())
        .contains("--allow-simulated-machines")
        .contains("lab only");
    assertThat(ErrorCode.STORE_TAMPERED.meaning()).contains("NonGenuineGrace");
    assertThat(ErrorCode.NOT_INSTALLED.remedy())
        .contains("`keyward init --product P --version V --edition E`");
    assertThat(ErrorCode.RATE_LIMITED.remedy()).contains("Retry-After");
    assertThat(ErrorCode.UNAUTHORIZED.remedy()).contains("data directory");
  }
}
