package dev.keyward.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.phone.PhonePrivateKey;
import dev.keyward.core.yaml.SourceProblem;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A catalog may publish the authority's phone activation keys beside its certificate keys. */
class TrustedPhoneKeysTest {
  private static final String KEY =
      PhonePrivateKey.generate(new SecureRandom()).publicKey().encode();

  private static String catalog(String phoneKeys) {
    return """
        products:
          - id: app
            family: client
            versions: ["1.0"]
            editions:
              - {id: Pro, tier: Pro, installType: desktop}
            channels:
              RETAIL: {}
            keyGroups:
              - {group: 1, version: "1.0", edition: Pro, channel: RETAIL}
        """
        + phoneKeys;
  }

  @Test
  void indexAndCompressedPointAreRead() {
    CatalogLoad load =
        CatalogLoader.load(
            catalog("    trustedPhoneKeys:\n      - {index: 3, p256: \"" + KEY + "\"}\n"),
            "c.yaml");
    assertThat(load).isInstanceOf(CatalogLoad.Loaded.class);
    Product app = ((CatalogLoad.Loaded) load).catalog().product("app").orElseThrow();
    assertThat(app.trustedPhoneKeys()).containsExactly(new TrustedPhoneKey(3, KEY));
    assertThat(CatalogLoader.winserver().product("winserver").orElseThrow().trustedPhoneKeys())
        .isEmpty();
  }

  @Test
  void aKeyOffTheCurveADuplicateIndexOrAnIndexPast255IsAProblem() {
    String notAPoint = "B" + KEY.substring(1); // first byte 0x06: no such point form
    List<SourceProblem> problems =
        problems(
            catalog(
                "    trustedPhoneKeys:\n"
                    + "      - {index: 1, p256: \""
                    + KEY
                    + "\"}\n"
                    + "      - {index: 1, p256: \""
                    + KEY
                    + "\"}\n"
                    + "      - {index: 2, p256: \""
                    + notAPoint
                    + "\"}\n"
                    + "      - {index: 256, p256: \""
                    + KEY
                    + "\"}\n"));
    assertThat(problems)
        .anySatisfy(p -> assertThat(p.message()).contains("listed twice"))
        .anySatisfy(p -> assertThat(p.field()).isEqualTo("products[0].trustedPhoneKeys[2].p256"))
        .anySatisfy(p -> assertThat(p.field()).isEqualTo("products[0].trustedPhoneKeys[3].index"));
  }

  private static List<SourceProblem> problems(String text) {
    return ((CatalogLoad.Invalid) CatalogLoader.load(text, "c.yaml")).problems();
  }
}
