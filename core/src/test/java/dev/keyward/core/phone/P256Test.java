package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the curve arithmetic: the JDK's own P-256 parameters and key pairs (an
 * independent implementation), and published points.
 */
class P256Test {

  static ECParameterSpec jdkParameters() throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }

  @Test
  void constantsAreTheJdksSecp256r1() throws Exception {
    ECParameterSpec jdk = jdkParameters();

    assertThat(((ECFieldFp) jdk.getCurve().getField()).getP()).isEqualTo(P256.P);
    assertThat(jdk.getCurve().getA()).isEqualTo(P256.A);
    assertThat(jdk.getCurve().getB()).isEqualTo(P256.B);
    assertThat(jdk.getOrder()).isEqualTo(P256.N);
    assertThat(jdk.getCofactor()).isEqualTo(1);
    assertThat(jdk.getGenerator().getAffineX()).isEqualTo(P256.G.x());
    assertThat(jdk.getGenerator().getAffineY()).isEqualTo(P256.G.y());
  }

  @Test
  void smallMultiplesOfTheBasePoint() {
    // Published: 2G and 3G of P-256 (e.g. the "NIST test vectors" list for k = 1..20).
    EcPoint twoG =
        point(
            "7cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978",
            "07775510db8ed040293d9ac69f7430dbba7dade63ce982299e04b79d227873d1");
    EcPoint threeG =
        point(
            "5ecbe4d1a6330a44c8f7ef951d4bf165e6c6b721efada985fb41661bc6e7fd6c",
            "8734640c4998ff7e374b06ce1a64a2ecd82ab036384fb83d9a79b127a27d5032");

    assertThat(P256.multiply(BigInteger.ONE, P256.G)).contains(P256.G);
    assertThat(P256.multiply(BigInteger.TWO, P256.G)).contains(twoG);
    assertThat(P256.multiply(BigInteger.valueOf(3), P256.G)).contains(threeG);
    assertThat(P256.multiply(BigInteger.TWO, twoG))
        .isEqualTo(P256.multiplyBase(BigInteger.valueOf(4)));
    assertThat(P256.multiplyBase(BigInteger.ONE)).contains(P256.G);
    assertThat(P256.multiplyBase(BigInteger.TWO)).contains(twoG);
    assertThat(P256.multiplyBase(BigInteger.valueOf(3))).contains(threeG);
    assertThat(P256.sumOfProducts(BigInteger.ONE, BigInteger.ONE, twoG)).contains(threeG);
    assertThat(P256.sumOfProducts(BigInteger.ZERO, BigInteger.ONE, threeG)).contains(threeG);
  }

  @Test
  void theOrderOfTheBasePointIsN() {
    BigInteger nMinusOne = P256.N.subtract(BigInteger.ONE);
    assertThat(P256.multiply(P256.N, P256.G)).isEmpty();
    assertThat(P256.multiplyBase(P256.N)).isEmpty();
    assertThat(P256.multiplyBase(BigInteger.ZERO)).isEmpty();
    assertThat(P256.multiply(nMinusOne, P256.G)).contains(P256.G.negate());
    assertThat(P256.multiplyBase(nMinusOne)).contains(P256.G.negate());
    assertThat(P256.sumOfProducts(BigInteger.ONE, BigInteger.ONE, P256.G.negate())).isEmpty();
    assertThat(P256.sumOfProducts(BigInteger.ONE, BigInteger.ONE, P256.G))
        .isEqualTo(P256.multiplyBase(BigInteger.TWO));
  }

  @Test
  void publicKeyOfRfc6979AppendixA25() {
    BigInteger x = hex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
    EcPoint expected =
        point(
            "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
            "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");

    assertThat(P256.multiply(x, P256.G)).contains(expected);
    assertThat(P256.multiplyBase(x)).contains(expected);
  }

  @Test
  void agreesWithTheJdksKeyPairs() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    for (int i = 0; i < 50; i++) {
      KeyPair pair = generator.generateKeyPair();
      BigInteger s = ((ECPrivateKey) pair.getPrivate()).getS();
      java.security.spec.ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
      EcPoint expected = new EcPoint(w.getAffineX(), w.getAffineY());

      assertThat(P256.multiply(s, P256.G)).contains(expected);
      assertThat(P256.multiplyBase(s)).contains(expected);
    }
  }

  @Test
  void compressionRoundTripsAndRefusesNonPoints() {
    EcPoint p = P256.multiply(BigInteger.valueOf(12345), P256.G).orElseThrow();

    assertThat(P256.decompress(p.compressed())).contains(p);
    assertThat(P256.decompress(p.negate().compressed())).contains(p.negate());
    byte[] wrongPrefix = p.compressed();
    wrongPrefix[0] = 0x04;
    assertThat(P256.decompress(wrongPrefix)).isEmpty();
    byte[] tooLarge = new byte[33];
    tooLarge[0] = 0x02;
    System.arraycopy(Bytes.fixed(P256.P, 32), 0, tooLarge, 1, 32);
    assertThat(P256.decompress(tooLarge)).isEmpty();
    // About half of all x have no point; the first such x is refused.
    byte[] noPoint = new byte[33];
    noPoint[0] = 0x02;
    int missingX = 0;
    while (P256.decompress(withX(noPoint, missingX)).isPresent()) {
      missingX++;
    }
    assertThat(missingX).isLessThan(100);
    // Euler's criterion: x^3 - 3x + b is not a square, so no point has that x.
    BigInteger x = BigInteger.valueOf(missingX);
    BigInteger rhs = x.pow(3).add(P256.A.multiply(x)).add(P256.B).mod(P256.P);
    BigInteger euler = rhs.modPow(P256.P.subtract(BigInteger.ONE).shiftRight(1), P256.P);
    assertThat(euler).isEqualTo(P256.P.subtract(BigInteger.ONE));
  }

  private static byte[] withX(byte[] encoded, int x) {
    byte[] out = encoded.clone();
    System.arraycopy(Bytes.fixed(BigInteger.valueOf(x), 32), 0, out, 1, 32);
    return out;
  }

  static EcPoint point(String x, String y) {
    return new EcPoint(hex(x), hex(y));
  }

  static BigInteger hex(String digits) {
    return new BigInteger(1, HexFormat.of().parseHex(digits));
  }
}
