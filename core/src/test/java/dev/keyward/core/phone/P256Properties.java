package dev.keyward.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Optional;
import javax.crypto.KeyAgreement;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The curve arithmetic against the JDK's ECDH, an independent P-256 implementation: ECDH of private
 * scalar k with public point P is the x coordinate of kP.
 */
class P256Properties {
  private static final ECParameterSpec PARAMETERS = parameters();

  private static ECParameterSpec parameters() {
    try {
      return P256Test.jdkParameters();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 1000)
  void scalarMultiplicationAgreesWithJdkEcdh(
      @ForAll("scalars") BigInteger k, @ForAll("scalars") BigInteger m) throws Exception {
    EcPoint p = P256.multiplyBase(m).orElseThrow();

    EcPoint kp = P256.multiply(k, p).orElseThrow();

    assertThat(kp.x()).isEqualTo(jdkEcdh(k, p));
    assertThat(P256.multiplyBase(k).orElseThrow().x()).isEqualTo(jdkEcdh(k, P256.G));
  }

  @Property(tries = 1000)
  void groupLawHolds(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    EcPoint q = P256.multiply(b, P256.G).orElseThrow();

    Optional<EcPoint> combined = P256.sumOfProducts(a, BigInteger.ONE, q);
    Optional<EcPoint> direct = P256.multiply(a.add(b), P256.G);

    assertThat(combined).isEqualTo(direct);
    assertThat(P256.multiplyBase(a.add(b))).isEqualTo(direct);
    assertThat(P256.multiply(a.multiply(b), P256.G))
        .isEqualTo(P256.multiply(a, q)); // (ab)G = a(bG)
  }

  @Property(tries = 1000)
  void compressedPointsRoundTrip(@ForAll("scalars") BigInteger k) {
    EcPoint p = P256.multiply(k, P256.G).orElseThrow();

    assertThat(P256.decompress(p.compressed())).contains(p);
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    return PhoneArbitraries.scalars();
  }

  private static BigInteger jdkEcdh(BigInteger k, EcPoint p) throws Exception {
    KeyFactory factory = KeyFactory.getInstance("EC");
    PrivateKey priv = factory.generatePrivate(new ECPrivateKeySpec(k, PARAMETERS));
    PublicKey pub =
        factory.generatePublic(
            new ECPublicKeySpec(new java.security.spec.ECPoint(p.x(), p.y()), PARAMETERS));
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(priv);
    agreement.doPhase(pub, true);
    return new BigInteger(1, agreement.generateSecret());
  }
}
