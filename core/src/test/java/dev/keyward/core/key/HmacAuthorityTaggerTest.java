package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacAuthorityTaggerTest {
  private final HmacAuthorityTagger tagger = new HmacAuthorityTagger(TestSecrets.AUTHORITY);

  @Test
  void tagIsTheTop54BitsOfHmacSha256OverDomainGroupAndSerial() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TestSecrets.AUTHORITY, "HmacSHA256"));
    mac.update("keyward/product-key/authority-tag/v1".getBytes(StandardCharsets.US_ASCII));
    mac.update(ByteBuffer.allocate(12).putInt(513).putLong(123_456_789L).array());
    long expected = ByteBuffer.wrap(mac.doFinal()).getLong() >>> 10;

    assertThat(tagger.tag(513, 123_456_789L)).isEqualTo(expected);
  }

  @Test
  void tagsFitIn54BitsAndDependOnGroupSerialAndSecret() {
    long tag = tagger.tag(1, 1);
    assertThat(tag & ~KeyPayload.TAG_MASK).isZero();
    assertThat(tagger.tag(1, 1)).isEqualTo(tag);
    assertThat(tagger.tag(2, 1)).isNotEqualTo(tag);
    assertThat(tagger.tag(1, 2)).isNotEqualTo(tag);
    assertThat(new HmacAuthorityTagger(TestSecrets.OTHER).tag(1, 1)).isNotEqualTo(tag);
  }

  @Test
  void laterChangesToTheSecretArrayDoNotChangeTags() {
    byte[] secret = TestSecrets.AUTHORITY.clone();
    HmacAuthorityTagger copyHolder = new HmacAuthorityTagger(secret);
    long before = copyHolder.tag(3, 4);
    secret[0] ^= 1;
    assertThat(copyHolder.tag(3, 4)).isEqualTo(before);
  }

  @Test
  void secretsShorterThan16BytesAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new HmacAuthorityTagger(new byte[15]));
    assertThat(new HmacAuthorityTagger(new byte[16]).tag(0, 0)).isNotNegative();
  }

  @Test
  void toStringDoesNotShowTheSecret() {
    assertThat(tagger.toString()).doesNotContain("test authority secret");
  }
}
