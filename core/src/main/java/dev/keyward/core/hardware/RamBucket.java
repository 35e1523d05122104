package dev.keyward.core.hardware;

import java.util.Optional;

/**
 * The {@code ram} component: memory size rounded up to a power of two GiB, written like {@code "16
 * GiB"}. Rounding up absorbs the memory firmware reserves (a 16 GiB machine reports a little less),
 * and powers of two absorb the small changes that should not count as new hardware.
 */
public final class RamBucket {
  private static final long GIB = 1L << 30;

  private RamBucket() {}

  /** The bucket of {@code totalBytes}; empty when the size is unknown (0 or less). */
  public static Optional<String> of(long totalBytes) {
    if (totalBytes <= 0) {
      return Optional.empty();
    }
    long gib = Math.ceilDiv(totalBytes, GIB);
    long bucket = Long.highestOneBit(gib);
    if (bucket < gib) {
      bucket <<= 1;
    }
    return Optional.of(bucket + " GiB");
  }
}
