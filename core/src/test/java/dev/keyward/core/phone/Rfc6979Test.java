package dev.keyward.core.phone;

import static dev.keyward.core.phone.P256Test.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECPublicKeySpec;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RFC 6979 appendix A.2.5 (P-256, SHA-256): the nonces for "sample" and "test", and the ECDSA
 * signatures they give, which the JDK's ECDSA confirms independently.
 */
class Rfc6979Test {
  private static final BigInteger X =
      hex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
  private static final EcPoint U =
      P256Test.point(
          "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
          "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");

  @Test
  void sample() throws Exception {
    check(
        "sample",
        "a6e3c57dd01abe90086538398355dd4c3b17aa873382b0f24d6129493d8aad60",
        "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716",
        "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8");
  }

  @Test
  void test() throws Exception {
    check(
        "test",
        "d16b6ae827f17175e040871a1c7ec3500192c4c92677336ec2537acaee0008e0",
        "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367",
        "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083");
  }

  @Test
  void laterCandidatesAreDistinctAndInRange() {
    Rfc6979 nonces = new Rfc6979(X, sha256("sample"));
    Set<BigInteger> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      BigInteger k = nonces.next();
      assertThat(k).isPositive().isLessThan(P256.N);
      assertThat(seen.add(k)).isTrue();
    }
  }

  private static void check(String message, String k, String r, String s) throws Exception {
    byte[] h1 = sha256(message);
    BigInteger nonce = new Rfc6979(X, h1).next();
    assertThat(nonce).isEqualTo(hex(k));

    // ECDSA with that nonce: r = x(kG) mod n, s = k^-1 (h + x r) mod n.
    BigInteger rr = P256.multiply(nonce, P256.G).orElseThrow().x().mod(P256.N);
    BigInteger h = new BigInteger(1, h1);
    BigInteger ss = nonce.modInverse(P256.N).multiply(h.add(X.multiply(rr))).mod(P256.N);
    assertThat(rr).isEqualTo(hex(r));
    assertThat(ss).isEqualTo(hex(s));

    // The JDK's ECDSA accepts the RFC's signature: the vectors above are what they claim.
    PublicKey key =
        KeyFactory.getInstance("EC")
            .generatePublic(
                new ECPublicKeySpec(
                    new java.security.spec.ECPoint(U.x(), U.y()), P256Test.jdkParameters()));
    Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
    ecdsa.initVerify(key);
    ecdsa.update(message.getBytes(StandardCharsets.US_ASCII));
    byte[] signature = new byte[64];
    System.arraycopy(Bytes.fixed(hex(r), 32), 0, signature, 0, 32);
    System.arraycopy(Bytes.fixed(hex(s), 32), 0, signature, 32, 32);
    assertThat(ecdsa.verify(signature)).isTrue();
  }

  private static byte[] sha256(String message) {
    return Bytes.sha256().digest(message.getBytes(StandardCharsets.US_ASCII));
  }
}
