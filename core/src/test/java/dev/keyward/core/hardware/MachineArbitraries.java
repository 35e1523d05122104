package dev.keyward.core.hardware;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of arbitrary machines for the property tests of this package. */
final class MachineArbitraries {
  private MachineArbitraries() {}

  /**
   * Text a machine could report, not blank: printable ASCII mostly, and any character of the basic
   * multilingual plane (controls included) but lone surrogates, which no decoded text contains.
   */
  static Arbitrary<String> values() {
    Arbitrary<String> anyText =
        Arbitraries.strings()
            .withCharRange('\u0000', (char) (Character.MIN_SURROGATE - 1))
            .withCharRange((char) (Character.MAX_SURROGATE + 1), '\uFFFF')
            .ofMinLength(1)
            .ofMaxLength(40);
    Arbitrary<String> realistic =
        Arbitraries.strings().withCharRange('!', '~').withChars(' ').ofMinLength(1).ofMaxLength(40);
    return Arbitraries.oneOf(anyText, realistic).filter(s -> !s.isBlank());
  }

  static Arbitrary<Map<Component, String>> components() {
    return Arbitraries.maps(Arbitraries.of(Component.class), values()).ofMaxSize(10);
  }

  static Arbitrary<MachineFacts> machines() {
    return Combinators.combine(components(), values().optional(), Arbitraries.of(true, false))
        .as(MachineFacts::new);
  }

  static Arbitrary<String> productIds() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars('-', '.')
        .ofMinLength(1)
        .ofMaxLength(20)
        .filter(s -> !s.isBlank());
  }
}
