package dev.keyward.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonProperties {

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Object> leaves =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
            Arbitraries.of(true, false).map(b -> (Object) b));
    return Arbitraries.recursive(
        () -> leaves,
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), inner)
                    .ofMaxSize(4)
                    .map(m -> (Object) m)),
        3);
  }

  @Property(tries = 1000)
  void writtenObjectsReadBackEqual(@ForAll("values") Object value) {
    Map<String, Object> wrapped = Map.of("v", value);
    assertThat(Json.readObject(Json.write(wrapped))).contains(wrapped);
  }

  @Property(tries = 1000)
  void canonicalFormDoesNotDependOnInsertionOrder(@ForAll("values") Object value) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("z", value);
    a.put("a", "x");
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("a", "x");
    b.put("z", value);
    assertThat(Json.write(a)).isEqualTo(Json.write(b));
  }

  @Property(tries = 1000)
  void readingArbitraryTextNeverThrows(@ForAll String text) {
    Json.read(text);
    Json.read("{" + text);
  }

  @Example
  void controlCharactersAndQuotesAreEscaped() {
    assertThat(Json.write(List.of("a\"b\\c\n\u0001"))).isEqualTo("[\"a\\\"b\\\\c\\n\\u0001\"]");
    assertThat(Json.readObject("[1]")).isEmpty();
    assertThat(Json.readObject("{\"a\": 1, \"a\": 2}")).isEmpty();
  }
}
