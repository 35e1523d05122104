package dev.keyward.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Ed25519Test {
  private final byte[] data = "grant".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSignatureVerifiesWithItsKeyOnlyAndOnlyForItsData() throws Exception {
    KeyPair mine = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] signature = Ed25519.sign(mine.getPrivate(), data, "the test key");

    assertThat(Ed25519.verifies(mine.getPublic(), data, signature)).isTrue();
    assertThat(Ed25519.verifies(other.getPublic(), data, signature)).isFalse();
    assertThat(
            Ed25519.verifies(mine.getPublic(), "grand".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    signature[0] ^= 1;
    assertThat(Ed25519.verifies(mine.getPublic(), data, signature)).isFalse();
    assertThat(Ed25519.verifies(mine.getPublic(), data, new byte[3])).isFalse();
  }

  @Test
  void keysAreReadBackAsCertificatesCarryThemAndGarbageReadsAsNone() throws Exception {
    KeyPair mine = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String carried = Base64.getEncoder().encodeToString(mine.getPublic().getEncoded());
    assertThat(Ed25519.publicKey(carried)).contains(mine.getPublic());
    assertThat(Ed25519.publicKey("not base64!")).isEmpty();
    assertThat(Ed25519.publicKey(Base64.getEncoder().encodeToString(new byte[12]))).isEmpty();
  }

  @Test
  void aKeyOfAnotherAlgorithmCannotSign() throws Exception {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    assertThatThrownBy(() -> Ed25519.sign(ec.getPrivate(), data, "the host key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the host key");
  }
}
