package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The ASCII fast path normalises exactly as NFKC and the separator rules do. */
class KeyNormaliserProperties {
  @Property(tries = 2000)
  void asciiInputIsNormalisedAsAnyTextIs(
      @ForAll @CharRange(from = 0, to = 127) @StringLength(max = 60) String typed) {
    assertThat(KeyNormaliser.normalise(typed)).isEqualTo(KeyNormaliser.normaliseText(typed));
  }

  @Property(tries = 500)
  void keyLikeInputIsNormalisedAsAnyTextIs(
      @ForAll @CharRange(from = '-', to = 'z') @StringLength(min = 20, max = 40) String typed) {
    assertThat(KeyNormaliser.normalise(typed)).isEqualTo(KeyNormaliser.normaliseText(typed));
    assertThat(KeyNormaliser.normalise(typed + "\u00e9"))
        .isEqualTo(KeyNormaliser.normaliseText(typed + "\u00e9"));
  }
}
