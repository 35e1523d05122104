package dev.keyward.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InstancePoolTest {
  /** An instance that notices when two callers hold it at once. */
  static final class Holder {
    final AtomicBoolean held = new AtomicBoolean();
  }

  /** A pool of holders that counts the holders it made in {@code made}. */
  private static InstancePool<Holder> countingPool(AtomicInteger made) {
    return new InstancePool<>(
        () -> {
          made.incrementAndGet();
          return new Holder();
        });
  }

  @Test
  void noInstanceIsHeldByTwoCallersAndNoMoreAreMadeThanCallersAtOnce() throws Exception {
    AtomicInteger made = new AtomicInteger();
    InstancePool<Holder> pool = countingPool(made);
    int threads = 16;
    int rounds = 5_000;
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger holdingNow = new AtomicInteger();
    AtomicInteger mostHoldingAtOnce = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      return;
                    }
                    for (int i = 0; i < rounds; i++) {
                      // Counted around apply, not inside the work: a caller holds its instance
                      // from taking it to giving it back, a wider span than the work.
                      mostHoldingAtOnce.accumulateAndGet(holdingNow.incrementAndGet(), Math::max);
                      pool.apply(
                          h -> {
                            if (!h.held.compareAndSet(false, true)) {
                              overlaps.incrementAndGet();
                            }
                            Thread.yield();
                            h.held.set(false);
                            return null;
                          });
                      holdingNow.decrementAndGet();
                    }
                  }));
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(overlaps).hasValue(0);
    assertThat(made.get()).isBetween(1, mostHoldingAtOnce.get());
    assertThat(pool.idleCount()).isEqualTo(made.get());
  }

  @Test
  void anInstanceComesBackWhenTheWorkThrows() {
    AtomicInteger made = new AtomicInteger();
    InstancePool<Holder> pool = countingPool(made);
    assertThatThrownBy(
            () ->
                pool.apply(
                    h -> {
                      throw new IllegalStateException("refused");
                    }))
        .hasMessage("refused");
    Holder again = pool.apply(h -> h);
    Holder next = pool.apply(h -> h);
    assertThat(made).hasValue(1);
    assertThat(pool.idleCount()).isEqualTo(1);
    assertThat(next).isSameAs(again);
  }
}
