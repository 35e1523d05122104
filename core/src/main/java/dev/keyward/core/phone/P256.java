package dev.keyward.core.phone;

import java.math.BigInteger;
import java.util.Optional;

/**
 * NIST P-256 (secp256r1, FIPS 186-4 D.1.2.3 / SEC 2 2.4.2) in plain {@link BigInteger}s: the curve
 * {@code y^2 = x^3 - 3x + b} over the prime field of {@code P}, of prime order {@code N}.
 *
 * <p>Points are added and doubled in Jacobian coordinates ({@code x = X/Z^2, y = Y/Z^3}), so that a
 * scalar multiplication needs one field inversion instead of one per step. Formulas from the
 * Explicit-Formulas Database: doubling "dbl-2001-b" (a = -3), addition "add-1998-cmo-2" and its
 * mixed form for an affine second operand ("madd", Z2 = 1). The exceptional cases (infinity, equal
 * points, opposite points) are handled by branches, so every result is correct.
 *
 * <p>Multiples of the base point G come from a table of {@code d * 16^i * G} ({@code d = 1..16},
 * {@code i = 0..79}, 1280 affine points, built once on first use in a few milliseconds): {@link
 * #multiplyBase} and {@link #sumOfProducts} do one mixed addition per non-zero base-16 digit; the
 * variable point is multiplied with a 4-bit window. None of this is constant-time, and need not be:
 * it verifies signatures, and nothing it processes is secret. Signing (private key and nonce) is
 * the authority's job, done with BouncyCastle's constant-time arithmetic.
 */
final class P256 {
  static final BigInteger P =
      hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
  static final BigInteger A = P.subtract(BigInteger.valueOf(3));
  static final BigInteger B =
      hex("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
  static final BigInteger N =
      hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

  static final int FIELD_BYTES = 32;
  static final int SCALAR_BYTES = 32;

  /** The base point. */
  static final EcPoint G =
      new EcPoint(
          hex("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"),
          hex("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5"));

  /** {@code (P + 1) / 4}: P is 3 mod 4, so {@code a^((P+1)/4)} is a square root of a square a. */
  private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);

  /** Windows of the base-point table. */
  static final int WINDOWS = 80;

  private static final int WINDOW_BITS = 4;
  private static final int RADIX = 1 << WINDOW_BITS;

  private static final Jacobian INFINITY =
      new Jacobian(BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

  private P256() {}

  static boolean isOnCurve(BigInteger x, BigInteger y) {
    if (x.signum() < 0 || x.compareTo(P) >= 0 || y.signum() < 0 || y.compareTo(P) >= 0) {
      return false;
    }
    return y.multiply(y).mod(P).equals(rightHandSide(x));
  }

  /** {@code x^3 - 3x + b mod P}. */
  private static BigInteger rightHandSide(BigInteger x) {
    return x.multiply(x).multiply(x).add(A.multiply(x)).add(B).mod(P);
  }

  /** The point with this SEC 1 compressed encoding, if it is one. */
  static Optional<EcPoint> decompress(byte[] encoded) {
    if (encoded.length != 1 + FIELD_BYTES || (encoded[0] != 0x02 && encoded[0] != 0x03)) {
      return Optional.empty();
    }
    byte[] xBytes = new byte[FIELD_BYTES];
    System.arraycopy(encoded, 1, xBytes, 0, FIELD_BYTES);
    BigInteger x = new BigInteger(1, xBytes);
    if (x.compareTo(P) >= 0) {
      return Optional.empty();
    }
    BigInteger rhs = rightHandSide(x);
    BigInteger y = rhs.modPow(SQRT_EXPONENT, P);
    if (!y.multiply(y).mod(P).equals(rhs)) {
      return Optional.empty(); // x^3 - 3x + b is not a square: no point has this x
    }
    boolean odd = encoded[0] == 0x03;
    if (y.testBit(0) != odd) {
      if (y.signum() == 0) {
        return Optional.empty();
      }
      y = P.subtract(y);
    }
    return Optional.of(new EcPoint(x, y));
  }

  /** {@code k * G} for a public scalar; empty for the point at infinity. */
  static Optional<EcPoint> multiplyBase(BigInteger k) {
    return baseJacobian(k.mod(N)).toAffine();
  }

  /** {@code k * point} for a public scalar; empty for the point at infinity. */
  static Optional<EcPoint> multiply(BigInteger k, EcPoint point) {
    return windowed(k.mod(N), point).toAffine();
  }

  /** {@code a * G + b * q} for public scalars; empty for the point at infinity. */
  static Optional<EcPoint> sumOfProducts(BigInteger a, BigInteger b, EcPoint q) {
    return add(baseJacobian(a.mod(N)), windowed(b.mod(N), q)).toAffine();
  }

  /** {@code k * G} for {@code 0 <= k < N}: one mixed addition per non-zero base-16 digit. */
  private static Jacobian baseJacobian(BigInteger k) {
    EcPoint[][] table = BaseTable.TABLE;
    Jacobian acc = INFINITY;
    for (int i = 0; i * WINDOW_BITS < k.bitLength(); i++) {
      int d = k.shiftRight(i * WINDOW_BITS).intValue() & (RADIX - 1);
      if (d != 0) {
        acc = addAffine(acc, table[i][d - 1]);
      }
    }
    return acc;
  }

  /** {@code k * point} for {@code 0 <= k < N}: fixed 4-bit windows, most significant first. */
  private static Jacobian windowed(BigInteger k, EcPoint point) {
    Jacobian[] multiples = new Jacobian[RADIX];
    multiples[1] = Jacobian.of(point);
    multiples[2] = dbl(multiples[1]);
    for (int d = 3; d < RADIX; d++) {
      multiples[d] = add(multiples[d - 1], multiples[1]);
    }
    Jacobian acc = INFINITY;
    int windows = (k.bitLength() + WINDOW_BITS - 1) / WINDOW_BITS;
    for (int i = windows - 1; i >= 0; i--) {
      for (int j = 0; j < WINDOW_BITS; j++) {
        acc = dbl(acc);
      }
      int d = k.shiftRight(i * WINDOW_BITS).intValue() & (RADIX - 1);
      if (d != 0) {
        acc = add(acc, multiples[d]);
      }
    }
    return acc;
  }

  /** {@code TABLE[i][d - 1] = d * 16^i * G}, built on first use. */
  private static final class BaseTable {
    static final EcPoint[][] TABLE = build();

    private static EcPoint[][] build() {
      Jacobian[] points = new Jacobian[WINDOWS * RADIX];
      Jacobian base = Jacobian.of(G);
      for (int i = 0; i < WINDOWS; i++) {
        Jacobian multiple = base;
        for (int d = 1; d <= RADIX; d++) {
          points[i * RADIX + d - 1] = multiple;
          multiple = add(multiple, base);
        }
        base = points[i * RADIX + RADIX - 1]; // 16 * 16^i * G
      }
      EcPoint[] affine = toAffine(points);
      EcPoint[][] table = new EcPoint[WINDOWS][RADIX];
      for (int i = 0; i < WINDOWS; i++) {
        System.arraycopy(affine, i * RADIX, table[i], 0, RADIX);
      }
      return table;
    }

    /** Montgomery's trick: all to affine with one inversion (no point here is infinity). */
    private static EcPoint[] toAffine(Jacobian[] points) {
      BigInteger[] prefix = new BigInteger[points.length];
      BigInteger running = BigInteger.ONE;
      for (int i = 0; i < points.length; i++) {
        prefix[i] = running;
        running = mul(running, points[i].z());
      }
      BigInteger inverse = running.modInverse(P);
      EcPoint[] out = new EcPoint[points.length];
      for (int i = points.length - 1; i >= 0; i--) {
        BigInteger zInv = mul(inverse, prefix[i]);
        inverse = mul(inverse, points[i].z());
        BigInteger zInv2 = mul(zInv, zInv);
        out[i] = new EcPoint(mul(points[i].x(), zInv2), mul(points[i].y(), mul(zInv2, zInv)));
      }
      return out;
    }
  }

  /** A point in Jacobian coordinates; Z = 0 is the point at infinity. */
  private record Jacobian(BigInteger x, BigInteger y, BigInteger z) {
    static Jacobian of(EcPoint p) {
      return new Jacobian(p.x(), p.y(), BigInteger.ONE);
    }

    boolean isInfinity() {
      return z.signum() == 0;
    }

    Optional<EcPoint> toAffine() {
      if (isInfinity()) {
        return Optional.empty();
      }
      BigInteger zInv = z.modInverse(P);
      BigInteger zInv2 = mul(zInv, zInv);
      return Optional.of(new EcPoint(mul(x, zInv2), mul(y, mul(zInv2, zInv))));
    }
  }

  /** dbl-2001-b: 3M + 5S, for a = -3. */
  private static Jacobian dbl(Jacobian p) {
    if (p.isInfinity() || p.y().signum() == 0) {
      return INFINITY;
    }
    BigInteger delta = mul(p.z(), p.z());
    BigInteger gamma = mul(p.y(), p.y());
    BigInteger beta = mul(p.x(), gamma);
    BigInteger t = mul(sub(p.x(), delta), add(p.x(), delta));
    BigInteger alpha = add(add(t, t), t);
    BigInteger beta4 = times4(beta);
    BigInteger x3 = sub(mul(alpha, alpha), add(beta4, beta4));
    BigInteger z3 = sub(sub(mul(add(p.y(), p.z()), add(p.y(), p.z())), gamma), delta);
    BigInteger gamma2 = mul(gamma, gamma);
    BigInteger y3 = sub(mul(alpha, sub(beta4, x3)), add(times4(gamma2), times4(gamma2)));
    return new Jacobian(x3, y3, z3);
  }

  /** add-1998-cmo-2: 12M + 4S; doubles or gives infinity where the formula cannot. */
  private static Jacobian add(Jacobian p, Jacobian q) {
    if (p.isInfinity()) {
      return q;
    }
    if (q.isInfinity()) {
      return p;
    }
    BigInteger z1z1 = mul(p.z(), p.z());
    BigInteger z2z2 = mul(q.z(), q.z());
    BigInteger u1 = mul(p.x(), z2z2);
    BigInteger u2 = mul(q.x(), z1z1);
    BigInteger s1 = mul(p.y(), mul(q.z(), z2z2));
    BigInteger s2 = mul(q.y(), mul(p.z(), z1z1));
    return finishAdd(p, u1, u2, s1, s2, mul(p.z(), q.z()));
  }

  /** The mixed form for an affine {@code q} (Z2 = 1): 8M + 3S. */
  private static Jacobian addAffine(Jacobian p, EcPoint q) {
    if (p.isInfinity()) {
      return Jacobian.of(q);
    }
    BigInteger z1z1 = mul(p.z(), p.z());
    BigInteger u2 = mul(q.x(), z1z1);
    BigInteger s2 = mul(q.y(), mul(p.z(), z1z1));
    return finishAdd(p, p.x(), u2, p.y(), s2, p.z());
  }

  /** The common end of both additions: {@code z1z2} is {@code Z1 * Z2}. */
  private static Jacobian finishAdd(
      Jacobian p, BigInteger u1, BigInteger u2, BigInteger s1, BigInteger s2, BigInteger z1z2) {
    BigInteger h = sub(u2, u1);
    BigInteger r = sub(s2, s1);
    if (h.signum() == 0) {
      return r.signum() == 0 ? dbl(p) : INFINITY;
    }
    BigInteger hh = mul(h, h);
    BigInteger hhh = mul(h, hh);
    BigInteger v = mul(u1, hh);
    BigInteger x3 = sub(sub(mul(r, r), hhh), add(v, v));
    BigInteger y3 = sub(mul(r, sub(v, x3)), mul(s1, hhh));
    BigInteger z3 = mul(h, z1z2);
    return new Jacobian(x3, y3, z3);
  }

  // Field arithmetic on values in [0, P). Only products need a division; sums and differences are
  // brought back into range with one conditional subtraction or addition.

  private static BigInteger mul(BigInteger a, BigInteger b) {
    return a.multiply(b).mod(P);
  }

  private static BigInteger add(BigInteger a, BigInteger b) {
    BigInteger sum = a.add(b);
    return sum.compareTo(P) >= 0 ? sum.subtract(P) : sum;
  }

  private static BigInteger sub(BigInteger a, BigInteger b) {
    BigInteger difference = a.subtract(b);
    return difference.signum() < 0 ? difference.add(P) : difference;
  }

  private static BigInteger times4(BigInteger a) {
    BigInteger twice = add(a, a);
    return add(twice, twice);
  }

  private static BigInteger hex(String digits) {
    return new BigInteger(digits, 16);
  }
}
