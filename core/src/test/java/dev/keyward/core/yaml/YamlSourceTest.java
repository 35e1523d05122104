package dev.keyward.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

class YamlSourceTest {

  private static MappingNode root(YamlSource src) {
    return src.rootMapping("").orElseThrow();
  }

  @Test
  void problemsCarryLineAndColumn() {
    YamlSource src = YamlSource.parse("a:\n  b: [x]\n", "f.yaml");
    MappingNode a = src.mapping(src.field(root(src), "a").orElseThrow(), "a").orElseThrow();

    src.string(src.field(a, "b").orElseThrow(), "a.b");

    assertThat(src.problems())
        .extracting(SourceProblem::line, SourceProblem::column, SourceProblem::field)
        .containsExactly(tuple(2, 6, "a.b"));
    assertThat(src.problems().get(0).message()).isEqualTo("expected a text value, got a list");
  }

  @Test
  void aProblemWithAFieldPrintsTheFieldAndOneWithoutPrintsTheColumn() {
    assertThat(new SourceProblem("c.yaml", 4, 9, "products[0].family", "unknown value"))
        .hasToString("c.yaml:4: products[0].family: unknown value");
    assertThat(new SourceProblem("m.yaml", 6, 3, "", "unknown component 'mac'"))
        .hasToString("m.yaml:6:3: unknown component 'mac'");
    assertThat(new SourceProblem("m.yaml", 0, "", "the file is empty"))
        .hasToString("m.yaml: the file is empty");
    assertThat(new SourceProblem("i.yaml", 3, "hosts[0].vms", "expected a number"))
        .isEqualTo(new SourceProblem("i.yaml", 3, 0, "hosts[0].vms", "expected a number"));
    assertThatThrownBy(() -> new SourceProblem("f", -1, "", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void problemsComeInFileOrder() {
    YamlSource src = YamlSource.parse("a: 1\nb: [2]\n", "f.yaml");
    MappingNode top = root(src);

    src.string(src.field(top, "b").orElseThrow(), "b");
    src.rejectUnknown(top, "", List.of("b"));

    assertThat(src.problems()).extracting(SourceProblem::field).containsExactly("a", "b");
    assertThat(src.problems().get(0).message()).isEqualTo("unknown field; expected b");
  }

  @Test
  void aKeyGivenTwiceIsAProblemWhereverItIsAndTheFirstCounts() {
    YamlSource src = YamlSource.parse("a: 1\nlist:\n  - {x: 1, y: 2, x: 3}\na: 2\n", "f.yaml");

    assertThat(src.problems())
        .extracting(SourceProblem::line, SourceProblem::field, SourceProblem::message)
        .containsExactly(
            tuple(3, "list[0].x", "duplicate key 'x' (first at line 3)"),
            tuple(4, "a", "duplicate key 'a' (first at line 1)"));
    assertThat(src.optionalInteger(root(src), "", "a", 0, 9)).contains(1);
  }

  @Test
  void keysMustBeNames() {
    YamlSource src = YamlSource.parse("? [a, b]\n: 1\nnull: 2\n", "f.yaml");

    assertThat(src.problems())
        .extracting(SourceProblem::line, SourceProblem::message)
        .containsExactly(
            tuple(1, "keys must be names, got a list"),
            tuple(3, "keys must be names, got nothing"));
  }

  @Test
  void aRecursiveAliasIsReadWithoutLooping() {
    YamlSource src = YamlSource.parse("a: &r [1, *r]\n", "f.yaml");

    assertThat(src.rootMapping("")).isPresent();
    assertThat(src.hasProblems()).isFalse();
  }

  @Test
  void nullIsAbsentAndARequiredNullIsReportedWhereItIs() {
    YamlSource src = YamlSource.parse("a: null\nb:\nc: x\n", "f.yaml");
    MappingNode top = root(src);

    assertThat(src.field(top, "a")).isEmpty();
    assertThat(src.optionalString(top, "", "b")).isEmpty();
    assertThat(src.required(top, "", "b")).isEmpty();
    assertThat(src.required(top, "", "d")).isEmpty();
    assertThat(src.entries(top)).containsOnlyKeys("a", "b", "c");
    assertThat(src.problems())
        .extracting(SourceProblem::line, SourceProblem::field, SourceProblem::message)
        .containsExactly(
            tuple(1, "d", "missing; it is required"), tuple(2, "b", "missing; it is required"));
  }

  @Test
  void stringsTakeAnyValueAsWrittenButNotNothing() {
    YamlSource src = YamlSource.parse("v: 2019\nw: \"  1.0 \"\nx: \"  \"\n", "f.yaml");
    MappingNode top = root(src);

    assertThat(src.requiredString(top, "", "v")).contains("2019");
    assertThat(src.requiredString(top, "", "w")).contains("1.0");
    assertThat(src.requiredString(top, "", "x")).isEmpty();
    assertThat(src.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("expected a text value, got \"  \""));
  }

  @Test
  void textIsOnlyTextAndSaysHowToQuoteANumber() {
    YamlSource src =
        YamlSource.parse("a: 16\nb: true\nc: \"16\"\nd: \"\"\ne: [x]\nf: \" x \"\n", "f.yaml");
    MappingNode top = root(src);

    List<Optional<String>> values =
        List.of("a", "b", "c", "d", "e", "f").stream()
            .map(name -> src.optionalText(top, "", name))
            .toList();

    assertThat(values)
        .containsExactly(
            Optional.empty(),
            Optional.empty(),
            Optional.of("16"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(" x "));
    assertThat(src.problems())
        .extracting(SourceProblem::message)
        .containsExactly(
            "expected text, got the integer 16; quote it (\"16\") to keep it as text",
            "expected text, got the boolean true; quote it (\"true\") to keep it as text",
            "is empty; leave it out (or write null) when it is absent",
            "expected text, got a list");
  }

  @Test
  void wholeNumbersWithBounds() {
    YamlSource src =
        YamlSource.parse("a: 5\nb: \"7\"\nc: 0\nd: 1.5\ne: 1234567890123\nf: -3\n", "f.yaml");
    MappingNode top = root(src);

    assertThat(src.requiredInteger(top, "", "a", 1, 10)).contains(5);
    assertThat(src.requiredInteger(top, "", "b", 1, 10)).contains(7);
    assertThat(src.requiredInteger(top, "", "c", 1, 10)).isEmpty();
    assertThat(src.requiredInteger(top, "", "d", 1, 10)).isEmpty();
    assertThat(src.requiredInteger(top, "", "e", 1, 10)).isEmpty();
    assertThat(src.integer(src.field(top, "f").orElseThrow(), "f")).contains(-3L);
    assertThat(src.optionalInteger(top, "", "absent", 1, 10)).isEmpty();
    assertThat(src.problems())
        .extracting(SourceProblem::message)
        .containsExactly(
            "expected a whole number from 1 to 10, got \"0\"",
            "expected a whole number from 1 to 10, got \"1.5\"",
            "expected a whole number from 1 to 10, got \"1234567890123\"");
  }

  @Test
  void aValueReadByAParserOrAProblemWordedByTheReader() {
    YamlSource src = YamlSource.parse("a: two\nb: seven\n", "f.yaml");
    MappingNode top = root(src);
    Function<String, Optional<Integer>> parse =
        text -> text.equals("two") ? Optional.of(2) : Optional.empty();

    assertThat(src.requiredValue(top, "", "a", parse, text -> "no " + text)).contains(2);
    assertThat(src.requiredValue(top, "", "b", parse, text -> "no " + text)).isEmpty();
    assertThat(src.requiredValue(top, "", "c", parse, text -> "no " + text)).isEmpty();
    assertThat(src.problems())
        .extracting(SourceProblem::line, SourceProblem::field, SourceProblem::message)
        .containsExactly(tuple(1, "c", "missing; it is required"), tuple(2, "b", "no seven"));
  }

  @Test
  void booleansAreTrueOrFalse() {
    YamlSource src = YamlSource.parse("a: false\nb: yes\n", "f.yaml");
    MappingNode top = root(src);

    assertThat(src.bool(src.field(top, "a").orElseThrow(), "a")).contains(false);
    assertThat(src.bool(src.field(top, "b").orElseThrow(), "b")).isEmpty();
    assertThat(src.problems().get(0).message()).isEqualTo("expected true or false, got \"yes\"");
  }

  @Test
  void anEmptyFileSaysWhatItShouldHold() {
    YamlSource src = YamlSource.parse("# nothing\n", "f.yaml");

    assertThat(src.rootMapping("expected a and b")).isEmpty();
    assertThat(src.problems())
        .containsExactly(new SourceProblem("f.yaml", 0, "", "the file is empty; expected a and b"));
    assertThat(YamlSource.parse(null, "f.yaml").rootMapping("")).isEmpty();
  }

  @Test
  void theTopMustBeAMapping() {
    YamlSource src = YamlSource.parse("- a\n", "f.yaml");

    assertThat(src.rootMapping("")).isEmpty();
    assertThat(src.problems())
        .extracting(SourceProblem::message)
        .containsExactly("expected a mapping of fields, got a list");
  }

  @Test
  void aSyntaxErrorIsTheOnlyProblemWithItsPlaceAndContext() {
    YamlSource src = YamlSource.parse("a:\n  b: \"open\n", "f.yaml");

    assertThat(src.rootMapping("")).isEmpty();
    assertThat(src.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.column()).isPositive();
              assertThat(p.message())
                  .startsWith("not valid YAML or JSON: ")
                  .contains("while scanning a quoted scalar from line 2");
            });
  }

  @Test
  void listsOfText() {
    YamlSource src = YamlSource.parse("a: [x, 2, [y]]\nb: x\n", "f.yaml");
    MappingNode top = root(src);
    Node b = src.field(top, "b").orElseThrow();

    assertThat(src.strings(src.field(top, "a").orElseThrow(), "a")).containsExactly("x", "2");
    assertThat(src.strings(b, "b")).isEmpty();
    assertThat(src.problems())
        .extracting(SourceProblem::field, SourceProblem::message)
        .containsExactly(
            tuple("a[2]", "expected a text value, got a list"),
            tuple("b", "expected a list, got \"x\""));
  }

  @Test
  void problemsReadOnePerLine() {
    assertThat(
            SourceProblem.lines(
                List.of(
                    new SourceProblem("f", 1, "a", "x"), new SourceProblem("f", 2, 5, "", "y"))))
        .isEqualTo("f:1: a: x\nf:2:5: y");
  }
}
