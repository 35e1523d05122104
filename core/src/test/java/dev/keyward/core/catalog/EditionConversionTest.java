package dev.keyward.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EditionConversionTest {
  private final Product winserver = CatalogLoader.winserver().product("winserver").orElseThrow();

  /** SPEC §2, written out by hand so that the catalog file is checked against the spec. */
  private static final Set<String> ALLOWED =
      Set.of(
          "ServerStandardEval>ServerStandard",
          "ServerStandardEval>ServerDatacenter",
          "ServerDatacenterEval>ServerDatacenter",
          "ServerStandard>ServerDatacenter",
          "ServerStandardEvalCor>ServerStandardCor",
          "ServerStandardEvalCor>ServerDatacenterCor",
          "ServerDatacenterEvalCor>ServerDatacenterCor",
          "ServerStandardCor>ServerDatacenterCor");

  @Test
  void everyPairOfEditionsFollowsTheSpec() {
    int allowed = 0;
    for (Edition from : winserver.editions()) {
      for (Edition to : winserver.editions()) {
        ConversionCheck check = EditionConversion.check(winserver, from.id(), to.id());
        boolean expected = ALLOWED.contains(from.id() + ">" + to.id());
        assertThat(check)
            .as("%s -> %s", from.id(), to.id())
            .isInstanceOf(expected ? ConversionCheck.Allowed.class : ConversionCheck.Refused.class);
        if (check instanceof ConversionCheck.Refused refused) {
          assertThat(refused.failure().error()).isEqualTo(ErrorCode.CONVERSION_NOT_ALLOWED);
        } else {
          allowed++;
        }
      }
    }
    assertThat(allowed).isEqualTo(ALLOWED.size());
  }

  @Test
  void datacenterNeverBecomesStandard() {
    for (String[] pair :
        new String[][] {
          {"ServerDatacenter", "ServerStandard"},
          {"ServerDatacenterCor", "ServerStandardCor"},
          {"ServerDatacenterEval", "ServerStandard"}
        }) {
      assertThat(EditionConversion.check(winserver, pair[0], pair[1]))
          .isInstanceOfSatisfying(
              ConversionCheck.Refused.class,
              r -> assertThat(r.failure().message()).contains("cannot be converted"));
    }
  }

  @Test
  void desktopAndCoreNeverConvertIntoEachOther() {
    for (Edition from : winserver.editions()) {
      for (Edition to : winserver.editions()) {
        if (from.installType() != to.installType()) {
          assertThat(EditionConversion.check(winserver, from.id(), to.id()))
              .isInstanceOfSatisfying(
                  ConversionCheck.Refused.class,
                  r -> assertThat(r.failure().message()).contains("installation cannot become"));
        }
      }
    }
  }

  @Test
  void unknownTargetListsWhatIsPossible() {
    assertThat(EditionConversion.check(winserver, "ServerStandardEval", "ServerDatacentre"))
        .isInstanceOfSatisfying(
            ConversionCheck.Refused.class,
            r ->
                assertThat(r.failure().message())
                    .contains("ServerDatacentre")
                    .contains("ServerStandard, ServerDatacenter"));
  }

  @Test
  void fittingConversionNamesTheTargetOfAKeyForAnotherEdition() {
    assertThat(EditionConversion.fittingConversion(winserver, "ServerStandard", "ServerDatacenter"))
        .map(Edition::id)
        .contains("ServerDatacenter");
    assertThat(EditionConversion.fittingConversion(winserver, "ServerDatacenter", "ServerStandard"))
        .isEmpty();
  }
}
