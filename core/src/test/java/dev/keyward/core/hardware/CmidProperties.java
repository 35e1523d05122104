package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class CmidProperties {

  @Property
  void formatThenParseGivesTheSameId(@ForAll long seed) {
    Cmid cmid = Cmid.random(new SplittableRandom(seed));

    assertThat(Cmid.parse(cmid.format())).contains(cmid);
    assertThat(Cmid.parse(cmid.format().toUpperCase())).contains(cmid);
  }

  @Property
  void anyUuidRoundTrips(@ForAll long high, @ForAll long low) {
    Cmid cmid = new Cmid(new UUID(high, low));

    assertThat(Cmid.parse(cmid.format())).contains(cmid);
  }

  @Property
  void randomIdsAreAlwaysVersion4(@ForAll long seed) {
    UUID id = Cmid.random(new SplittableRandom(seed)).value();

    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
  }
}
