package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RamBucketTest {
  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;

  @Test
  void firmwareReservedMemoryStaysInTheInstalledBucket() {
    assertThat(RamBucket.of(16 * GIB - 300 * MIB)).contains("16 GiB");
    assertThat(RamBucket.of(16 * GIB)).contains("16 GiB");
  }

  @Test
  void sizesRoundUpToAPowerOfTwo() {
    assertThat(RamBucket.of(16 * GIB + 1)).contains("32 GiB");
    assertThat(RamBucket.of(24 * GIB)).contains("32 GiB");
    assertThat(RamBucket.of(384 * GIB)).contains("512 GiB");
    assertThat(RamBucket.of(512 * MIB)).contains("1 GiB");
    assertThat(RamBucket.of(1)).contains("1 GiB");
  }

  @Test
  void hugeSizesDoNotOverflow() {
    assertThat(RamBucket.of(Long.MAX_VALUE)).contains((1L << 33) + " GiB");
  }

  @Test
  void anUnknownSizeHasNoBucket() {
    assertThat(RamBucket.of(0)).isEmpty();
    assertThat(RamBucket.of(-1)).isEmpty();
  }
}
