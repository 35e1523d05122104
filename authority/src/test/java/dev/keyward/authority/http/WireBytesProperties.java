package dev.keyward.authority.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keyward.core.json.Json;
import dev.keyward.core.protocol.Parsed;
import dev.keyward.core.protocol.WireSamples;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * The client's and the authority's bytes agree: what the client writes (core's canonical JSON) the
 * authority reads (Jackson, then the record's reader) as the same record, and what the authority
 * writes (Jackson) the client reads (core's JSON reader) as the same record.
 */
class WireBytesProperties {
  @Property(tries = 300)
  void clientBytesReadOnTheAuthority(@ForAll("records") Tuple2<WireSamples.Kind<?>, Object> s) {
    assertThat(authorityReads(s.get1(), s.get2())).as(s.get1().name()).isEqualTo(s.get2());
  }

  @Property(tries = 300)
  void authorityBytesReadOnTheClient(@ForAll("records") Tuple2<WireSamples.Kind<?>, Object> s)
      throws JsonProcessingException {
    assertThat(clientReads(s.get1(), s.get2())).as(s.get1().name()).isEqualTo(s.get2());
  }

  @SuppressWarnings("unchecked")
  private static <T> T authorityReads(WireSamples.Kind<T> kind, Object record) {
    byte[] sent = Json.write(kind.writer().apply((T) record)).getBytes(StandardCharsets.UTF_8);
    return Body.read(sent, kind.reader());
  }

  @SuppressWarnings("unchecked")
  private static <T> Object clientReads(WireSamples.Kind<T> kind, Object record)
      throws JsonProcessingException {
    String answered = Body.MAPPER.writeValueAsString(kind.writer().apply((T) record));
    Map<String, Object> read = Json.readObject(answered).orElseThrow();
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
