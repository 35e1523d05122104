package dev.keyward.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustDocumentTest {
  @Test
  void keysAndPhoneKeysAreWrittenInTheDocumentedShape() {
    String text =
        TrustDocument.write(
            List.of(new TrustedKey("k-1", "AAAA")), List.of(new TrustedPhoneKey(0, "BBBB")));
    Map<String, Object> json = Json.readObject(text).orElseThrow();
    assertThat(json.get("keys")).isEqualTo(List.of(Map.of("id", "k-1", "ed25519", "AAAA")));
    assertThat(json.get("phoneKeys")).isEqualTo(List.of(Map.of("index", 0, "p256", "BBBB")));
  }

  @Test
  void withoutPhoneKeysTheFieldIsLeftOutForOlderReaders() {
    String text = TrustDocument.write(List.of(new TrustedKey("k-1", "AAAA")), List.of());
    assertThat(Json.readObject(text).orElseThrow()).containsOnlyKeys("keys");
  }
}
