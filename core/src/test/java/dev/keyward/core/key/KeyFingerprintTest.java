package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyFingerprintTest {
  private static final AuthorityTagger TAGGER = new HmacAuthorityTagger(TestSecrets.AUTHORITY);
  private static final ProductKey KEY = ProductKeyCodec.encode(7, 99, TAGGER);

  @Test
  void isHmacSha256OfTheCanonicalKeyInLowerCaseHex() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TestSecrets.OTHER, "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal(KEY.canonical().getBytes(StandardCharsets.US_ASCII)));

    String fingerprint = new KeyFingerprint(TestSecrets.OTHER).of(KEY);

    assertThat(fingerprint).isEqualTo(expected).matches("[0-9a-f]{64}");
  }

  @Test
  void dependsOnTheKeyAndTheSecret() {
    KeyFingerprint fingerprint = new KeyFingerprint(TestSecrets.OTHER);
    ProductKey next = ProductKeyCodec.encode(7, 100, TAGGER);

    assertThat(fingerprint.of(KEY)).isEqualTo(fingerprint.of(new ProductKey(KEY.canonical())));
    assertThat(fingerprint.of(next)).isNotEqualTo(fingerprint.of(KEY));
    assertThat(new KeyFingerprint(TestSecrets.AUTHORITY).of(KEY)).isNotEqualTo(fingerprint.of(KEY));
  }

  @Test
  void shortSecretsAreRefusedAndTheSecretIsNotPrinted() {
    assertThatIllegalArgumentException().isThrownBy(() -> new KeyFingerprint(new byte[8]));
    assertThat(new KeyFingerprint(TestSecrets.OTHER).toString()).doesNotContain("another secret");
  }
}
