package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PhoneKeysTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void generatedKeysRoundTripThroughTheirStoredForms() {
    for (int i = 0; i < 20; i++) {
      PhonePrivateKey key = PhonePrivateKey.generate(RANDOM);

      String stored = key.encode();
      String published = key.publicKey().encode();

      assertThat(stored).hasSize(44);
      assertThat(published).hasSize(44);
      assertThat(Base64.getDecoder().decode(published)[0]).isIn((byte) 2, (byte) 3);
      assertThat(PhonePrivateKey.decode(stored)).isEqualTo(new PhoneKeyDecoding.Decoded<>(key));
      PhonePrivateKey read = PhoneArbitraries.decodePrivate(stored);
      assertThat(read.publicKey()).isEqualTo(key.publicKey());
      assertThat(PhonePublicKey.decode(published))
          .isEqualTo(new PhoneKeyDecoding.Decoded<>(key.publicKey()));
    }
  }

  @Test
  void thePublicKeyIsTheCompressedPoint() {
    PhonePublicKey key = PhoneArbitraries.AUTHORITY_KEY.publicKey();

    byte[] bytes = Base64.getDecoder().decode(key.encode());

    // The test key is RFC 6979 A.2.5's: Uy ends in ...2299, odd, so the prefix is 03.
    assertThat(key.point())
        .isEqualTo(
            P256Test.point(
                "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
                "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299"));
    assertThat(bytes[0]).isEqualTo((byte) 3);
    assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 1, 33)))
        .isEqualTo(key.point().x());
    assertThat(key.toString()).isEqualTo(key.encode());
  }

  @Test
  void thePrivateKeyIsNeverShown() {
    PhonePrivateKey key = PhoneArbitraries.AUTHORITY_KEY;

    assertThat(key.toString()).doesNotContain(key.encode()).contains(key.publicKey().encode());
  }

  @Test
  void malformedPublicKeysAreRefusedWithAReason() {
    assertInvalid(PhonePublicKey.decode(null), "no public key");
    assertInvalid(PhonePublicKey.decode("not base64!"), "not base64");
    assertInvalid(PhonePublicKey.decode(b64(new byte[32])), "33 bytes");
    byte[] uncompressedPrefix = new byte[33];
    uncompressedPrefix[0] = 4;
    assertInvalid(PhonePublicKey.decode(b64(uncompressedPrefix)), "not a compressed point");
    byte[] xTooLarge = new byte[33];
    java.util.Arrays.fill(xTooLarge, (byte) 0xFF);
    xTooLarge[0] = 2;
    assertInvalid(PhonePublicKey.decode(b64(xTooLarge)), "not a compressed point");
  }

  @Test
  void malformedPrivateKeysAreRefusedWithAReason() {
    assertInvalid(PhonePrivateKey.decode(null), "no private key");
    assertInvalid(PhonePrivateKey.decode("%%%"), "not base64");
    assertInvalid(PhonePrivateKey.decode(b64(new byte[31])), "32 bytes");
    assertInvalid(PhonePrivateKey.decode(b64(new byte[32])), "[1, n-1]");
    assertInvalid(PhonePrivateKey.decode(b64(Bytes.fixed(P256.N, 32))), "[1, n-1]");
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void assertInvalid(PhoneKeyDecoding<?> decoding, String reason) {
    assertThat(decoding).isInstanceOf(PhoneKeyDecoding.Invalid.class);
    assertThat(((PhoneKeyDecoding.Invalid<?>) decoding).reason()).contains(reason);
  }
}
