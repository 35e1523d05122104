package dev.keyward.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoad;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.json.Json;
import org.junit.jupiter.api.Test;

/** Hostile nesting is a problem to report, never a StackOverflowError. */
class NestingTest {
  @Test
  void deeplyNestedYamlIsAProblemWithItsLine() {
    for (String text :
        new String[] {
          "[".repeat(20_000), "products:\n  - " + "{a: ".repeat(5_000), "- ".repeat(10_000) + "x"
        }) {
      YamlSource source = YamlSource.parse(text, "deep.yaml");
      assertThat(source.problems()).hasSize(1);
      assertThat(source.problems().get(0).toString()).contains("nested more than 64 levels");
      assertThat(CatalogLoader.load(text, "deep.yaml")).isInstanceOf(CatalogLoad.Invalid.class);
    }
  }

  @Test
  void nestingUpToTheLimitIsRead() {
    String ok = "[".repeat(YamlSource.MAX_DEPTH) + "]".repeat(YamlSource.MAX_DEPTH);
    assertThat(YamlSource.parse(ok, "ok.yaml").problems()).isEmpty();
    assertThat(Json.read(ok)).isPresent();
  }

  @Test
  void deeplyNestedJsonIsNotJson() {
    assertThat(Json.read("[".repeat(20_000))).isEmpty();
    assertThat(Json.read("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))).isEmpty();
    // Brackets inside strings do not count.
    assertThat(Json.read("{\"a\": \"" + "[".repeat(1_000) + "\\\"\"}")).isPresent();
  }
}
