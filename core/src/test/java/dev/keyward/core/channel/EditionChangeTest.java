package dev.keyward.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ConversionCheck;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dism /Set-Edition: the conversion rule first, then the key against the target edition. */
class EditionChangeTest {
  private static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();

  @ParameterizedTest(name = "{0} {1} -> {2} with a {3} {4} {5} key: {6}")
  @CsvSource(
      textBlock =
          """
          # installed version, installed edition, target, key version, key edition, key channel, expected, message part
          2019, ServerStandardEval,   ServerStandard,      2019, ServerStandard,      RETAIL,           OK,         ''
          2019, ServerStandardEval,   ServerDatacenter,    2019, ServerDatacenter,    VOLUME_MAK,       OK,         ''
          2022, ServerDatacenterEval, ServerDatacenter,    2022, ServerDatacenter,    VOLUME_KMSCLIENT, OK,         ''
          2022, ServerDatacenterEval, ServerStandard,      2022, ServerStandard,      RETAIL,           0xC0DE0004, 'Allowed from ServerDatacenterEval: ServerDatacenter'
          2019, ServerDatacenter,     ServerStandard,      2019, ServerStandard,      RETAIL,           0xC0DE0004, converts only upward
          2019, ServerStandardEval,   ServerStandardCor,   2019, ServerStandardCor,   RETAIL,           0xC0DE0004, desktop installation cannot become a core
          2019, ServerStandardCor,    ServerDatacenter,    2019, ServerDatacenter,    RETAIL,           0xC0DE0004, core installation cannot become a desktop
          2019, ServerStandardEval,   ServerStandard,      2019, ServerDatacenter,    RETAIL,           0xC004F050, 'Or convert to ServerDatacenter'
          2019, ServerStandard,       ServerDatacenter,    2019, ServerStandard,      RETAIL,           0xC004F050, 'give a key of ServerDatacenter'
          2019, ServerStandardEval,   ServerStandard,      2022, ServerStandard,      RETAIL,           0xC004E016, ask for a 2019 key under downgrade rights
          2022, ServerStandardEval,   ServerStandard,      2019, ServerStandard,      RETAIL,           0xC004E016, must be a 2022 key
          2019, ServerStandardEval,   NoSuchEdition,       2019, ServerStandard,      RETAIL,           0xC0DE0004, is not an edition
          """)
  void conversionRuleThenKeyAgainstTheTarget(
      String version,
      String edition,
      String target,
      String keyVersion,
      String keyEdition,
      Channel channel,
      String expected,
      String messagePart) {
    KeyGroup key = WINSERVER.keyGroup(keyVersion, keyEdition, channel).orElseThrow();
    ConversionCheck check =
        EditionChange.check(
            WINSERVER, new Installation("winserver", version, edition), target, key);
    if (expected.equals("OK")) {
      assertThat(check).isInstanceOf(ConversionCheck.Allowed.class);
      assertThat(((ConversionCheck.Allowed) check).to().id()).isEqualTo(target);
    } else {
      assertThat(check).isInstanceOf(ConversionCheck.Refused.class);
      var failure = ((ConversionCheck.Refused) check).failure();
      assertThat(failure.error().hex()).isEqualTo(expected);
      assertThat(failure.message()).contains(messagePart);
    }
  }

  @ParameterizedTest
  @CsvSource({"ServerStandardEval, ServerStandard", "ServerStandardEval, ServerDatacenter"})
  void anEvaluationKeyNeverConverts(String edition, String target) {
    KeyGroup eval =
        WINSERVER.keyGroup("2019", "ServerStandardEval", Channel.TIMEBASED_EVAL).orElseThrow();
    ConversionCheck check =
        EditionChange.check(
            WINSERVER, new Installation("winserver", "2019", edition), target, eval);
    assertThat(check).isInstanceOf(ConversionCheck.Refused.class);
    assertThat(((ConversionCheck.Refused) check).failure().error().hex()).isEqualTo("0xC004F050");
  }
}
