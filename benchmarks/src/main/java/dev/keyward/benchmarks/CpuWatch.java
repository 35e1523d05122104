package dev.keyward.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used in the measured window by the authority (another process: {@code /proc/PID/stat}) and by
 * this load generator, in cores (1.0: one core busy all the time).
 */
final class CpuWatch {
  /**
   * @param machine every core's busy time (all processes: the database, and anything else that ran
   *     on the machine meanwhile)
   * @param jit the authority's JIT compiler threads
   * @param writer the authority's SQLite writer thread (0 on PostgreSQL, which has none): its CPU
   *     only; near 1.0 the writer's serial path bounds SQLite's throughput (below, its commits'
   *     {@code fsync} waits, not counted here, may still make up the rest of that path)
   * @param loadPauses the load generator's own garbage collections in the window (a request due
   *     during one is sent late, and that delay counts in its latency)
   * @param loadPauseMillis their total time
   */
  record Cores(
      double authority,
      double load,
      double machine,
      double jit,
      double writer,
      long loadPauses,
      long loadPauseMillis) {
    /** The authority without its JIT compiler threads: a warm-up cost, not a per-request one. */
    double authorityWithoutJit() {
      return authority - jit;
    }
  }

  private final Thread thread;
  private volatile Cores result =
      new Cores(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);

  CpuWatch(long pid, int warmupSeconds, int durationSeconds) {
    thread =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    Thread.sleep(warmupSeconds * 1000L);
                    long a0 = ticks(pid);
                    long[] t0Threads = threadTicks(pid);
                    long l0 = ownNanos();
                    long m0 = busyTicks();
                    long[] g0 = ownCollections();
                    long t0 = System.nanoTime();
                    Thread.sleep(durationSeconds * 1000L);
                    long a1 = ticks(pid);
                    long[] t1Threads = threadTicks(pid);
                    long l1 = ownNanos();
                    long m1 = busyTicks();
                    long[] g1 = ownCollections();
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    // USER_HZ is 100 on Linux.
                    result =
                        new Cores(
                            pid <= 0 ? Double.NaN : (a1 - a0) / 100.0 / seconds,
                            (l1 - l0) / 1e9 / seconds,
                            (m1 - m0) / 100.0 / seconds,
                            pid <= 0 ? Double.NaN : (t1Threads[0] - t0Threads[0]) / 100.0 / seconds,
                            pid <= 0 ? Double.NaN : (t1Threads[1] - t0Threads[1]) / 100.0 / seconds,
                            g1[0] - g0[0],
                            g1[1] - g0[1]);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
  }

  Cores result() throws InterruptedException {
    thread.join();
    return result;
  }

  /** This process's garbage collections so far: how many, and their time in milliseconds. */
  private static long[] ownCollections() {
    long count = 0;
    long millis = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc.getName().contains("Concurrent") || gc.getName().contains("Cycles")) {
        continue; // concurrent cycles, not pauses
      }
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  private static long ownNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Busy clock ticks of all cores since boot (/proc/stat: all but idle and iowait). */
  static long busyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * The JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"): on a busy machine they run
   * long after the warm-up, so their time is not the cost of a request.
   */
  private static final String COMPILER = "CompilerThre";

  /** SQLite's writer thread, "keyward-sqlite-writer" (the kernel keeps 15 characters of a name). */
  private static final String WRITER = "keyward-sqlite-";

  /**
   * utime + stime, in clock ticks, of the process's {@link #COMPILER} threads ([0]) and of its
   * {@link #WRITER} ([1]), read in one walk of its threads.
   */
  private static long[] threadTicks(long pid) {
    long[] sums = new long[2];
    if (pid <= 0) {
      return sums;
    }
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String thread = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          int which = thread.contains(COMPILER) ? 0 : thread.startsWith(WRITER) ? 1 : -1;
          if (which >= 0) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            sums[which] += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      return new long[2];
    }
    return sums;
  }

  /** utime + stime of a process in clock ticks; 0 when unknown. */
  private static long ticks(long pid) {
    if (pid <= 0) {
      return 0;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name may hold spaces: count fields after its closing parenthesis.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
