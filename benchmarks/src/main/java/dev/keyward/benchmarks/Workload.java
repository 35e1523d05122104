package dev.keyward.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The machines one phase of the load generator activates (each phase has its own keys, or with
 * {@code --keys-per-phase shared} continues on the closed loop's), every one a new machine: job
 * {@code j < retail.size()} is retail key j's machine, the others are machine {@code (j -
 * retail.size()) % makPool} of multiple activation key {@code (j - retail.size()) / makPool}, in a
 * shuffled order. A share of the requests repeats a recently granted machine (a retry: the
 * authority reissues).
 */
final class Workload {
  private final List<String> retail;
  private final List<String> mak;
  private final int makPool;
  private final double retryShare;
  private final int[] jobs;
  private final AtomicInteger nextJob = new AtomicInteger();
  // Recently granted jobs, for retries.
  private final AtomicLongArray granted = new AtomicLongArray(4096);
  private final AtomicInteger grantedCount = new AtomicInteger();
  private volatile boolean ranOut;

  Workload(List<String> retail, List<String> mak, int makPool, double retryShare) {
    this.retail = retail;
    this.mak = mak;
    this.makPool = makPool;
    this.retryShare = retryShare;
    int total = retail.size() + mak.size() * makPool;
    jobs = new int[total];
    for (int i = 0; i < total; i++) {
      jobs[i] = i;
    }
    SplittableRandom shuffle = new SplittableRandom(1);
    for (int i = total - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      int t = jobs[i];
      jobs[i] = jobs[j];
      jobs[j] = t;
    }
  }

  /** The next job: a retry of a granted machine or a new machine; -1 when none are left. */
  int next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int seen = grantedCount.get();
    if (seen > 0 && random.nextDouble() < retryShare) {
      return (int) granted.get(random.nextInt(Math.min(seen, granted.length())));
    }
    int i = nextJob.getAndIncrement();
    if (i >= jobs.length) {
      ranOut = true;
      return -1;
    }
    return jobs[i];
  }

  String keyOf(int job) {
    return job < retail.size() ? retail.get(job) : mak.get((job - retail.size()) / makPool);
  }

  /** Remembers a granted job for later retries. */
  void granted(int job) {
    int g = grantedCount.getAndIncrement();
    granted.set(g % granted.length(), job);
  }

  boolean ranOut() {
    return ranOut;
  }
}
