package dev.keyward.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.json.Json;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The answer the authority writes from a stored certificate's text, without reading it, is the same
 * wire record as the one written from the record: a client reads both the same.
 */
class CertificateAnswerTextProperties {
  @Property(tries = 300)
  void theTextReadsBackAsTheRecord(@ForAll("answers") CertificateAnswer answer) {
    String text = CertificateAnswer.text(answer.signed().toJsonText(), answer.reissued());
    Map<String, Object> read = Json.readObject(text).orElseThrow();
    assertThat(CertificateAnswer.parse(read)).isEqualTo(new Parsed.Ok<>(answer));
    assertThat(read).isEqualTo(Json.readObject(Json.write(answer.toMap())).orElseThrow());
  }

  @Example
  void onlyAJsonObjectIsAnswered() {
    assertThatThrownBy(() -> CertificateAnswer.text("[1]", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  net.jqwik.api.Arbitrary<CertificateAnswer> answers() {
    return WireSamples.certificateAnswer();
  }
}
