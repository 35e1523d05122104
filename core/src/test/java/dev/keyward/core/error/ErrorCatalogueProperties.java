package dev.keyward.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class ErrorCatalogueProperties {

  enum Form {
    PREFIXED_HEX,
    BARE_HEX,
    SIGNED_DECIMAL,
    UNSIGNED_DECIMAL,
    SYMBOLIC_NAME
  }

  static String render(int code, Form form, String symbolicName) {
    return switch (form) {
      case PREFIXED_HEX -> String.format("0x%08X", code);
      case BARE_HEX -> String.format("%08X", code);
      case SIGNED_DECIMAL -> Integer.toString(code);
      case UNSIGNED_DECIMAL -> Integer.toUnsignedString(code);
      case SYMBOLIC_NAME -> symbolicName;
    };
  }

  static String recase(String text, List<Boolean> upper) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean up = upper.get(i % upper.size());
      out.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return out.toString();
  }

  @Provide
  Arbitrary<String> blanks() {
    return Arbitraries.strings().withChars(' ', '\t', '\n', '\r').ofMaxLength(4);
  }

  @Property
  void everyCodeRoundTripsInEveryFormAndCasing(
      @ForAll ErrorCode error,
      @ForAll Form form,
      @ForAll @Size(min = 1, max = 40) List<Boolean> upper,
      @ForAll("blanks") String before,
      @ForAll("blanks") String after) {
    String text = before + recase(render(error.code(), form, error.symbolicName()), upper) + after;
    assertThat(ErrorCatalogue.lookup(text)).as(text).contains(error);
  }

  @Property
  void hexRoundTrips(@ForAll ErrorCode error, @ForAll @Size(10) List<Boolean> upper) {
    String hex = recase(error.hex(), upper);
    assertThat(ErrorCatalogue.lookup(hex)).as(hex).contains(error);
    assertThat(ErrorCatalogue.lookup(hex.substring(2))).as(hex).contains(error);
  }

  @Property
  void codesNotInTheCatalogueGiveEmptyInEveryNumericForm(@ForAll int code, @ForAll Form form) {
    Assume.that(ErrorCatalogue.all().stream().noneMatch(e -> e.code() == code));
    Assume.that(form != Form.SYMBOLIC_NAME);
    String text = render(code, form, null);
    assertThat(ErrorCatalogue.lookup(text)).as(text).isEmpty();
  }

  @Property
  void lookupNeverThrows(@ForAll String text) {
    assertThat(ErrorCatalogue.lookup(text)).isNotNull();
  }
}
