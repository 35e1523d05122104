package dev.keyward.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class KeyPayloadTest {
  private static final AuthorityTagger TAGGER = new HmacAuthorityTagger(TestSecrets.AUTHORITY);
  private static final AuthorityTagger OTHER_TAGGER = new HmacAuthorityTagger(TestSecrets.OTHER);

  @Test
  void fieldsOutsideTheirBitsAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new KeyPayload(-1, 0, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new KeyPayload(65536, 0, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new KeyPayload(0, -1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new KeyPayload(0, 1L << 34, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new KeyPayload(0, 0, 1L << 54));
    assertThatIllegalArgumentException().isThrownBy(() -> new KeyPayload(0, 0, -1));
    new KeyPayload(65535, (1L << 34) - 1, (1L << 54) - 1); // the largest values fit
  }

  @Test
  void anIssuedPayloadIsRecognisedOnlyByItsOwnTagger() {
    KeyPayload payload = KeyPayload.issue(7, 42, TAGGER);
    assertThat(payload.isIssuedBy(TAGGER)).isTrue();
    assertThat(payload.isIssuedBy(OTHER_TAGGER)).isFalse();
    assertThat(new KeyPayload(7, 43, payload.tag()).isIssuedBy(TAGGER)).isFalse();
    assertThat(new KeyPayload(8, 42, payload.tag()).isIssuedBy(TAGGER)).isFalse();
  }

  @Test
  void taggerBitsAbove54AreIgnoredAtIssueAndAtVerification() {
    AuthorityTagger noisy = (group, serial) -> 0xFFC0_0000_0000_0123L;
    KeyPayload payload = KeyPayload.issue(1, 2, noisy);
    assertThat(payload.tag()).isEqualTo(0x123L);
    assertThat(payload.isIssuedBy(noisy)).isTrue();
  }

  @Test
  void toStringLeavesOutTheTag() {
    KeyPayload payload = new KeyPayload(12, 34, 0x2BADC0FFEE1L);
    assertThat(payload.toString())
        .contains("12")
        .contains("34")
        .doesNotContain(Long.toString(0x2BADC0FFEE1L))
        .doesNotContainIgnoringCase("2BADC0FFEE1")
        .doesNotContain("tag");
  }
}
