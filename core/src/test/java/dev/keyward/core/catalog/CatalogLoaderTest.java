package dev.keyward.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.yaml.SourceProblem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogLoaderTest {
  /** A small valid catalog; each case below breaks one line of it. Line numbers matter. */
  private static final String VALID =
      """
      products:
        - id: app
          name: App
          family: client
          versions: ["1.0", "2.0"]
          editions:
            - {id: Pro, tier: Pro, installType: desktop, targets: [Ultimate]}
            - {id: Ultimate, tier: Ultimate, installType: desktop}
            - {id: ProTrial, tier: Pro, installType: desktop, evaluation: 30, targets: [Pro]}
          channels:
            RETAIL: {}
            VOLUME_MAK: {defaultPool: 5}
            TIMEBASED_EVAL: {}
          keyGroups:
            - {group: 1, version: "1.0", edition: Pro, channel: RETAIL}
            - {group: 2, version: "2.0", edition: Pro, channel: RETAIL}
            - {group: 3, version: "2.0", edition: Ultimate, channel: VOLUME_MAK}
            - {group: 4, version: "2.0", edition: ProTrial, channel: TIMEBASED_EVAL}
          volume: {renewal: 7d}
      """;

  /** The built-in catalog's quick read (no nesting pass, no line marks) reads the same catalog. */
  @Test
  void theBuiltInQuickReadEqualsTheCarefulRead() throws java.io.IOException {
    String text;
    try (var in = CatalogLoader.class.getResourceAsStream("winserver.yaml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    CatalogLoad careful = CatalogLoader.load(text, "builtin:winserver");
    assertThat(careful).isInstanceOf(CatalogLoad.Loaded.class);
    assertThat(CatalogLoader.builtin("winserver")).usingRecursiveComparison().isEqualTo(careful);
  }

  @Test
  void validCatalogLoadsWithDefaultsFilledIn() {
    Catalog catalog = loaded(VALID);
    Product app = catalog.product("app").orElseThrow();
    assertThat(app.family()).isEqualTo(Family.CLIENT);
    assertThat(app.volume().threshold()).as("client family threshold").isEqualTo(25);
    assertThat(app.channel(Channel.VOLUME_MAK).orElseThrow().defaultPool()).isEqualTo(5);
    assertThat(app.edition("ProTrial").orElseThrow().isEvaluation()).isTrue();
    assertThat(catalog.keyGroup(3).orElseThrow().describe())
        .isEqualTo("app 2.0 Ultimate VOLUME_MAK");
  }

  static Stream<Arguments> brokenCatalogs() {
    return Stream.of(
        broken(
            "unknown edition in targets",
            "targets: [Ultimate]",
            "targets: [Ultimat]",
            7,
            "products[0].editions[0].targets",
            "unknown edition 'Ultimat'"),
        broken(
            "duplicate key group",
            "group: 2,",
            "group: 1,",
            16,
            "products[0].keyGroups[1].group",
            "group 1 is already used"),
        broken(
            "unordered versions",
            "[\"1.0\", \"2.0\"]",
            "[\"2.0\", \"1.0\"]",
            5,
            "products[0].versions",
            "oldest first"),
        broken(
            "unknown channel",
            "RETAIL: {}",
            "RETIAL: {}",
            11,
            "products[0].channels.RETIAL",
            "unknown channel"),
        broken("unknown field", "name: App", "nmae: App", 3, "products[0].nmae", "unknown field"),
        broken(
            "desktop to core conversion",
            "{id: Ultimate, tier: Ultimate, installType: desktop}",
            "{id: Ultimate, tier: Ultimate, installType: core}",
            7,
            "products[0].editions[0].targets",
            "never convert"),
        broken(
            "bad duration",
            "renewal: 7d",
            "renewal: 7 days",
            19,
            "products[0].volume.renewal",
            "not a duration"),
        broken(
            "version not declared",
            "version: \"1.0\", edition: Pro",
            "version: \"3.0\", edition: Pro",
            15,
            "products[0].keyGroups[0].version",
            "unknown version '3.0'"),
        broken(
            "channel not declared",
            "edition: Ultimate, channel: VOLUME_MAK",
            "edition: Ultimate, channel: OEM",
            17,
            "products[0].keyGroups[2].channel",
            "not declared under channels"),
        broken(
            "commercial key for an evaluation edition",
            "edition: ProTrial, channel: TIMEBASED_EVAL",
            "edition: ProTrial, channel: RETAIL",
            18,
            "products[0].keyGroups[3].channel",
            "takes only TIMEBASED_EVAL keys"),
        broken(
            "bad family",
            "family: client",
            "family: desktop",
            4,
            "products[0].family",
            "unknown value 'desktop'"),
        broken(
            "negative pool",
            "defaultPool: 5",
            "defaultPool: -5",
            12,
            "products[0].channels.VOLUME_MAK.defaultPool",
            "whole number from 1 to"),
        broken(
            "YAML syntax",
            "versions: [\"1.0\", \"2.0\"]",
            "versions: [\"1.0\", \"2.0\"",
            6,
            "",
            "not valid YAML"));
  }

  private static Arguments broken(
      String name, String from, String to, int line, String field, String message) {
    assertThat(VALID).as("test fixture for %s", name).contains(from);
    return Arguments.of(name, VALID.replace(from, to), line, field, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCatalogs")
  void everyMistakeIsReportedWithLineAndField(
      String name, String text, int line, String field, String message) {
    List<SourceProblem> problems = problems(text);
    assertThat(problems)
        .as(name)
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("test.yaml");
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.field()).isEqualTo(field);
              assertThat(p.message()).contains(message);
            });
  }

  @Test
  void aVolumeClientKeyOfTheWrongGroupIsRefused() {
    String otherProductsKey =
        CatalogLoader.winserver()
            .product("winserver")
            .orElseThrow()
            .volumeClientKey("2019", "ServerDatacenter")
            .orElseThrow()
            .key();
    String withClientKey =
        VALID
            .replace("TIMEBASED_EVAL: {}", "TIMEBASED_EVAL: {}\n      VOLUME_KMSCLIENT: {}")
            .replace(
                "    volume: {renewal: 7d}",
                "      - {group: 5, version: \"2.0\", edition: Pro, channel: VOLUME_KMSCLIENT}\n"
                    + "    volumeClientKeys:\n"
                    + "      - {version: \"2.0\", edition: Pro, key: KEY}\n"
                    + "    volume: {renewal: 7d}");
    assertThat(withClientKey).contains("volumeClientKeys");
    assertThat(problems(withClientKey.replace("KEY", otherProductsKey)))
        .anySatisfy(p -> assertThat(p.field()).isEqualTo("products[0].volumeClientKeys[0].key"));
  }

  @Test
  void allMistakesOfAFileAreReportedAtOnce() {
    String text =
        VALID
            .replace("targets: [Ultimate]", "targets: [Nope]")
            .replace("group: 2,", "group: 1,")
            .replace("RETAIL: {}", "RETIAL: {}");
    assertThat(problems(text)).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void invalidCatalogBecomesAFailureWithTheCatalogCode() {
    CatalogLoad.Invalid invalid =
        (CatalogLoad.Invalid)
            CatalogLoader.load(VALID.replace("family: client", "family: x"), "c.yaml");
    assertThat(invalid.failure().error()).isEqualTo(ErrorCode.CATALOG_INVALID);
    assertThat(invalid.failure().message()).startsWith("c.yaml:4: products[0].family");
  }

  @Test
  void emptyAndNonMappingFilesAreProblems() {
    assertThat(problems(""))
        .extracting(SourceProblem::message)
        .containsExactly("the file is empty");
    assertThat(problems("- a\n- b\n"))
        .extracting(SourceProblem::message)
        .anyMatch(m -> m.contains("mapping"));
    assertThat(problems("products: []\n"))
        .extracting(SourceProblem::message)
        .anyMatch(m -> m.contains("at least one product"));
  }

  private static Catalog loaded(String text) {
    CatalogLoad load = CatalogLoader.load(text, "test.yaml");
    assertThat(load).isInstanceOf(CatalogLoad.Loaded.class);
    return ((CatalogLoad.Loaded) load).catalog();
  }

  private static List<SourceProblem> problems(String text) {
    CatalogLoad load = CatalogLoader.load(text, "test.yaml");
    assertThat(load).isInstanceOf(CatalogLoad.Invalid.class);
    return ((CatalogLoad.Invalid) load).problems();
  }
}
