package dev.keyward.core.phone;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A point of P-256 other than the point at infinity, in affine coordinates. Construction checks the
 * curve equation, so every instance is a point of the group (the cofactor is 1).
 */
record EcPoint(BigInteger x, BigInteger y) {
  EcPoint {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (!P256.isOnCurve(x, y)) {
      throw new IllegalArgumentException("not a point of P-256");
    }
  }

  /** {@code -P}. */
  EcPoint negate() {
    return new EcPoint(x, y.signum() == 0 ? y : P256.P.subtract(y));
  }

  /** SEC 1 compressed form: 0x02 (even y) or 0x03 (odd y), then x in 32 bytes. */
  byte[] compressed() {
    byte[] out = new byte[1 + P256.FIELD_BYTES];
    out[0] = (byte) (y.testBit(0) ? 0x03 : 0x02);
    System.arraycopy(Bytes.fixed(x, P256.FIELD_BYTES), 0, out, 1, P256.FIELD_BYTES);
    return out;
  }

  @Override
  public String toString() {
    return "EcPoint[x=" + x.toString(16) + ", y=" + y.toString(16) + "]";
  }
}
