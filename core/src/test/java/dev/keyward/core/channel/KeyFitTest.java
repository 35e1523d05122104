package dev.keyward.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key checks of SPEC §6's last paragraph and the evaluation row, in their fixed order. */
class KeyFitTest {
  private static final Product WINSERVER =
      CatalogLoader.winserver().product("winserver").orElseThrow();

  @ParameterizedTest(name = "{0}/{1} key on {2}/{3} (expired={4}) -> {5}")
  @CsvSource(
      textBlock =
          """
          # key version, key edition, installed version, installed edition, eval expired, expected, message part
          2019, ServerStandard,   2019, ServerStandard,     false, OK,         ''
          2019, ServerDatacenter, 2019, ServerStandard,     false, 0xC004F050, Set-Edition:ServerDatacenter
          2019, ServerStandard,   2019, ServerDatacenter,   false, 0xC004F050, Use a key of ServerDatacenter
          2022, ServerStandard,   2019, ServerStandard,     false, 0xC004E016, ask for a 2019 key
          2019, ServerStandard,   2022, ServerStandard,     false, 0xC004E016, never activates a newer one
          2019, ServerStandard,   2019, ServerStandardEval, false, 0x80070032, Set-Edition:ServerStandard
          2019, ServerStandard,   2019, ServerStandardEval, true,  0xC004FC07, Set-Edition:ServerStandard
          2022, ServerDatacenter, 2022, ServerDatacenterEval, false, 0x80070032, Set-Edition:ServerDatacenter
          2022, ServerStandard,   2022, ServerDatacenterEval, false, 0x80070032, converts to: ServerDatacenter
          2022, ServerStandard,   2019, ServerStandardEval, false, 0x80070032, ''
          2019, ServerStandardCor, 2019, ServerStandard,    false, 0xC004F050, Use a key of ServerStandard
          """)
  void retailKeysFollowTheFixedOrder(
      String keyVersion,
      String keyEdition,
      String version,
      String edition,
      boolean expired,
      String expected,
      String messagePart) {
    KeyGroup key = WINSERVER.keyGroup(keyVersion, keyEdition, Channel.RETAIL).orElseThrow();
    Optional<Failure> outcome =
        KeyFit.check(WINSERVER, new Installation("winserver", version, edition), key, expired);
    if (expected.equals("OK")) {
      assertThat(outcome).isEmpty();
    } else {
      assertThat(outcome)
          .hasValueSatisfying(
              f -> {
                assertThat(f.error().hex()).isEqualTo(expected);
                assertThat(f.message()).contains(messagePart);
              });
    }
  }

  @ParameterizedTest
  @CsvSource({"ServerStandard", "ServerDatacenterCor", "ServerEssentials"})
  void hostKeysFitEveryCommercialEditionOfTheirVersion(String edition) {
    KeyGroup host = WINSERVER.keyGroup("2022", edition, Channel.VOLUME_KMS_HOST).orElseThrow();
    assertThat(KeyFit.check(WINSERVER, new Installation("winserver", "2022", edition), host, false))
        .isEmpty();
    assertThat(KeyFit.check(WINSERVER, new Installation("winserver", "2019", edition), host, false))
        .map(Failure::error)
        .contains(ErrorCode.PKEY_INVALID_CONFIG);
  }

  @ParameterizedTest
  @CsvSource({"ServerStandardEval", "ServerDatacenterEvalCor"})
  void evaluationKeysFitTheirEvaluationEdition(String edition) {
    KeyGroup eval = WINSERVER.keyGroup("2025", edition, Channel.TIMEBASED_EVAL).orElseThrow();
    assertThat(KeyFit.check(WINSERVER, new Installation("winserver", "2025", edition), eval, false))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"otherproduct, ServerStandard, 0xC004F050", "winserver, NoSuchEdition, 0xC0DE0005"})
  void unknownProductOrEditionIsRefused(String product, String edition, String code) {
    KeyGroup key = WINSERVER.keyGroup("2019", "ServerStandard", Channel.RETAIL).orElseThrow();
    assertThat(KeyFit.check(WINSERVER, new Installation(product, "2019", edition), key, false))
        .map(f -> f.error().hex())
        .contains(code);
  }
}
