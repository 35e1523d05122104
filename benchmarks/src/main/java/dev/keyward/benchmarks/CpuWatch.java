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
   */
  /**
   * @param loadPauses the load generator's own garbage collections in the window (a request due
   *     during one is sent late, and that delay counts in its latency)
   * @param loadPauseMillis their total time
   */
  record Cores(
      double authority,
      double load,
      double machine,
      double jit,
      long loadPauses,
      long loadPauseMillis) {
    /** The authority without its JIT compiler threads: a warm-up cost, not a per-request one. */
    double authorityWithoutJit() {
      return authority - jit;
    }
  }

  private final Thread thread;
  private volatile Cores result = new Cores(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);

  CpuWatch(long pid, int warmupSeconds, int durationSeconds) {
    thread =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    Thread.sleep(warmupSeconds * 1000L);
                    long a0 = ticks(pid);
                    long j0 = compilerTicks(pid);
                    long l0 = ownNanos();
                    long m0 = busyTicks();
                    long[] g0 = ownCollections();
                    long t0 = System.nanoTime();
                    Thread.sleep(durationSeconds * 1000L);
                    long a1 = ticks(pid);
                    long j1 = compilerTicks(pid);
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
                            pid <= 0 ? Double.NaN : (j1 - j0) / 100.0 / seconds,
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
   * utime + stime of the process's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"), in
   * clock ticks. On a busy machine the compilers run long after the warm-up: their time is not the
   * cost of a request.
   */
  private static long compilerTicks(long pid) {
    if (pid <= 0) {
      return 0;
    }
    long sum = 0;
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.contains("CompilerThre")) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return sum;
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
