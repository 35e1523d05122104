package dev.keyward.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.json.Json;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Every wire record: written, sent as JSON text and read back, it is the same record. */
class WireRoundTripProperties {
  @Property(tries = 400)
  void writeThenReadGivesTheSameRecord(@ForAll("records") Tuple2<WireSamples.Kind<?>, Object> s) {
    assertThat(roundTrip(s.get1(), s.get2())).as(s.get1().name()).isEqualTo(s.get2());
  }

  @SuppressWarnings("unchecked")
  private static <T> Object roundTrip(WireSamples.Kind<T> kind, Object record) {
    String text = Json.write(kind.writer().apply((T) record));
    Map<String, Object> read = Json.readObject(text).orElseThrow();
    return switch (kind.reader().apply(read)) {
      case Parsed.Ok<T> ok -> ok.value();
      case Parsed.Bad<T> bad -> bad;
    };
  }

  @Provide
  Arbitrary<Tuple2<WireSamples.Kind<?>, Object>> records() {
    return Arbitraries.of(WireSamples.kinds())
        .flatMap(kind -> kind.records().map(r -> Tuple.of(kind, (Object) r)));
  }
}
