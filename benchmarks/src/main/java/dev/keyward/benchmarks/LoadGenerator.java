package dev.keyward.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives {@code POST /v1/activate} of a running authority with many concurrent clients and reports
 * activations per second and latency percentiles.
 *
 * <p>The workload: {@code --retail-keys} retail keys (one machine each) and {@code --mak-keys}
 * multiple activation keys with a pool of {@code --mak-pool}, issued through the admin API. Each
 * new activation is a new machine (ten random component hashes, a random CMID) on a key that still
 * has room, in random order across the keys, so most requests are grants on many keys; a share of
 * {@code --retries} of the requests repeats an earlier granted machine on its key (a client that
 * lost the answer, a reinstall): the authority gives the stored certificate back (a reissue).
 *
 * <p>Every answer is checked: a grant, a reissue or a refusal with its code; anything else is an
 * error and is reported. Only requests that finish in the measured window count.
 *
 * <p>First a closed-loop run ({@code --clients} each send the next request when the answer came):
 * the peak rate, and at that peak a latency that is mostly queueing. Then, with {@code --open-loop
 * "0.5 0.8"}, open-loop runs at those shares of the measured peak ({@link #run}: a fixed arrival
 * rate, latency from each request's due time), which give the service time under a given load. Each
 * phase runs on keys issued for it ({@code --keys-per-phase fresh}, the default; {@code shared}
 * continues on the closed loop's keys), so that every phase starts from the same state.
 */
public final class LoadGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] COMPONENTS = {
    "uuid", "serial", "baseboard", "cpu", "ram", "disk", "controller", "nic", "display", "volume"
  };

  private final URI base;
  private final URI activate;
  private final String token;
  private final HttpClient http;

  private final boolean virtual;
  private boolean raw;

  /** Where a phase writes each request's due time and latency ({@code --timeline DIR}), or null. */
  private Path timeline;

  private LoadGenerator(URI base, String token, boolean virtual) {
    this.base = base;
    this.activate = base.resolve("/v1/activate");
    this.token = token;
    this.virtual = virtual;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10));
    if (virtual) {
      // The client's own tasks on virtual threads too: cheap hand-offs between them.
      b.executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    }
    this.http = b.build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    URI url = URI.create(o.getOrDefault("url", "http://127.0.0.1:8080"));
    String token =
        o.containsKey("token-file")
            ? Files.readString(Path.of(o.get("token-file"))).strip()
            : o.getOrDefault("token", "");
    int clients = Integer.parseInt(o.getOrDefault("clients", "64"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
    int duration = Integer.parseInt(o.getOrDefault("duration", "20"));
    int retailKeys = Integer.parseInt(o.getOrDefault("retail-keys", "20000"));
    int makKeys = Integer.parseInt(o.getOrDefault("mak-keys", "1000"));
    int makPool = Integer.parseInt(o.getOrDefault("mak-pool", "100"));
    double retries = Double.parseDouble(o.getOrDefault("retries", "0.1"));
    String label = o.getOrDefault("label", "authority");
    long cpuPid = Long.parseLong(o.getOrDefault("cpu-pid", "0"));

    // Virtual threads: a blocked client costs no platform thread and waking it is cheap, so the
    // load generator leaves more of the machine's CPU to the authority and its database.
    boolean virtual = o.getOrDefault("threads", "platform").equals("virtual");
    LoadGenerator g = new LoadGenerator(url, token, virtual);
    // raw: RawHttp, one keep-alive connection per client; jdk: java.net.http.HttpClient.
    g.raw = !o.getOrDefault("http", "raw").equals("jdk");
    Workload work = g.workload(label, retailKeys, makKeys, makPool, retries);
    CpuWatch watch = new CpuWatch(cpuPid, warmup, duration);
    Result closed = g.run(work, clients, warmup, duration, 0);
    closed.print(label, clients, watch.result());
    // Open loop at shares of the closed-loop peak just measured: service time under a given load.
    String shares = o.getOrDefault("open-loop", "").strip();
    int openWarmup = Integer.parseInt(o.getOrDefault("open-warmup", "3"));
    int openClients = Integer.parseInt(o.getOrDefault("open-clients", Integer.toString(clients)));
    // Each phase on keys of its own: a multiple activation key's decision reads all its prior
    // activations, so on the closed loop's keys a later phase would ask for heavier decisions
    // than the peak it is a share of was measured with.
    boolean freshKeys = !o.getOrDefault("keys-per-phase", "fresh").equals("shared");
    for (String share : shares.isEmpty() ? new String[0] : shares.split("[ ,]+")) {
      double rate = closed.rate() * Double.parseDouble(share);
      if (freshKeys) {
        work = g.workload(label, retailKeys, makKeys, makPool, retries);
      }
      // An empty young generation at the phase's start: with 2 GiB (run.sh) the load generator then
      // does not collect during the phase, so no pause of its own delays a request due meanwhile.
      System.gc();
      if (o.containsKey("timeline")) {
        g.timeline = Path.of(o.get("timeline"), label + "-" + share + ".csv");
      }
      CpuWatch w = new CpuWatch(cpuPid, openWarmup, duration);
      Result r = g.run(work, openClients, openWarmup, duration, (long) (1e9 / rate));
      r.printOpen(label, share, rate, openClients, w.result());
    }
  }

  /** Issues the keys of one phase's workload (through the admin API) and says so. */
  private Workload workload(String label, int retailKeys, int makKeys, int makPool, double retries)
      throws Exception {
    long t0 = System.nanoTime();
    List<String> retail = issue("RETAIL", retailKeys, null);
    List<String> mak = issue("VOLUME_MAK", makKeys, makPool);
    System.out.printf(
        Locale.ROOT,
        "%s: issued %d retail and %d MAK keys (pool %d) in %.1f s%n",
        label,
        retail.size(),
        mak.size(),
        makPool,
        (System.nanoTime() - t0) / 1e9);
    return new Workload(retail, mak, makPool, retries);
  }

  /** {@code --name value} pairs. */
  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      o.put(args[i].substring(2), args[++i]);
    }
    return o;
  }

  /** Issues keys through the admin API, at most 1000 a request. */
  List<String> issue(String channel, int count, Integer pool) throws Exception {
    List<String> keys = new ArrayList<>(count);
    while (keys.size() < count) {
      int n = Math.min(1000, count - keys.size());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("version", "2022");
      body.put("edition", "ServerStandard");
      body.put("channel", channel);
      body.put("count", n);
      if (pool != null) {
        body.put("pool", pool);
      }
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/v1/admin/keys"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofMinutes(2))
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) {
        throw new IllegalStateException("issuing keys: " + r.statusCode() + " " + r.body());
      }
      for (JsonNode k : JSON.readTree(r.body()).path("keys")) {
        keys.add(k.path("key").asText());
      }
    }
    return keys;
  }

  /** What one client thread saw in the measured window. */
  private static final class Tally {
    long[] latencies = new long[1 << 16];
    long[] dues = new long[1 << 16];
    int n;
    long granted;
    long reissued;
    long refused;
    long errors;
    final Map<String, Integer> codes = new TreeMap<>();

    void count(Outcome outcome) {
      if (outcome.status == 200) {
        if (outcome.reissued) {
          reissued++;
        } else {
          granted++;
        }
      } else if (outcome.status == 422) {
        refused++;
        codes.merge(outcome.code, 1, Integer::sum);
      } else {
        errors++;
        codes.merge("HTTP " + outcome.status + " " + outcome.code, 1, Integer::sum);
      }
    }

    void add(long due, long nanos) {
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
        dues = Arrays.copyOf(dues, n * 2);
      }
      dues[n] = due;
      latencies[n++] = nanos;
    }
  }

  record Result(
      double seconds,
      long[] latencies,
      long granted,
      long reissued,
      long refused,
      long errors,
      Map<String, Integer> codes,
      boolean ranOut) {
    static Result of(Tally[] tallies, double seconds, boolean ranOut) {
      int n = 0;
      for (Tally t : tallies) {
        n += t.n;
      }
      long[] all = new long[n];
      int at = 0;
      long g = 0;
      long re = 0;
      long ref = 0;
      long err = 0;
      Map<String, Integer> codes = new TreeMap<>();
      for (Tally t : tallies) {
        System.arraycopy(t.latencies, 0, all, at, t.n);
        at += t.n;
        g += t.granted;
        re += t.reissued;
        ref += t.refused;
        err += t.errors;
        t.codes.forEach((k, v) -> codes.merge(k, v, Integer::sum));
      }
      Arrays.sort(all);
      return new Result(seconds, all, g, re, ref, err, codes, ranOut);
    }

    double rate() {
      return latencies.length / seconds;
    }

    /** An open-loop phase: the rate asked for and what the requests due in the window saw. */
    void printOpen(String label, String share, double target, int clients, CpuWatch.Cores cpu) {
      System.out.printf(
          Locale.ROOT,
          "%s: open loop at %s of the peak, %.0f/s asked, %d connections: %d requests due in %.1f"
              + " s (granted %d, reissued %d, refused %d %s, errors %d); latency from the due"
              + " time p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; authority %.2f cores"
              + " (%.3f ms a request); load generator: %d collections, %d ms%s%n",
          label,
          share,
          target,
          clients,
          latencies.length,
          seconds,
          granted,
          reissued,
          refused,
          codes,
          errors,
          percentileMs(50),
          percentileMs(99),
          percentileMs(99.9),
          percentileMs(100),
          cpu.authority(),
          cpu.authority() * 1000 / rate(),
          cpu.loadPauses(),
          cpu.loadPauseMillis(),
          ranOut ? " (RAN OUT OF NEW MACHINES: issue more keys)" : "");
      System.out.printf(
          Locale.ROOT,
          "OPENLOOP label=%s share=%s target=%.1f rate=%.1f p50=%.3f p99=%.3f p999=%.3f max=%.3f"
              + " errors=%d authority_cpu=%.2f cpu_ms=%.3f cpu_ms_nojit=%.3f load_gc=%d/%dms%n",
          label,
          share,
          target,
          rate(),
          percentileMs(50),
          percentileMs(99),
          percentileMs(99.9),
          percentileMs(100),
          errors,
          cpu.authority(),
          cpu.authority() * 1000 / rate(),
          cpu.authorityWithoutJit() * 1000 / rate(),
          cpu.loadPauses(),
          cpu.loadPauseMillis());
    }

    double percentileMs(double p) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100 * latencies.length) - 1;
      return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
    }

    void print(String label, int clients, CpuWatch.Cores cpu) {
      System.out.printf(
          Locale.ROOT,
          "%s: %d clients, %.1f s measured: %d requests, %.0f/s (granted %d, reissued %d, refused"
              + " %d %s, errors %d); latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f"
              + " ms%s%n",
          label,
          clients,
          seconds,
          latencies.length,
          rate(),
          granted,
          reissued,
          refused,
          codes,
          errors,
          percentileMs(50),
          percentileMs(90),
          percentileMs(99),
          percentileMs(100),
          ranOut ? " (RAN OUT OF NEW MACHINES: issue more keys)" : "");
      System.out.printf(
          Locale.ROOT,
          "%s: CPU in the measured window: authority %.2f cores (%.3f ms a request; %.3f ms"
              + " without its JIT compiler threads; its SQLite writer thread %.2f cores), load"
              + " generator %.2f cores, whole machine %.2f of %d cores%n",
          label,
          cpu.authority(),
          cpu.authority() * 1000 / rate(),
          cpu.authorityWithoutJit() * 1000 / rate(),
          cpu.writer(),
          cpu.load(),
          cpu.machine(),
          Runtime.getRuntime().availableProcessors());
      // One line for scripts.
      System.out.printf(
          Locale.ROOT,
          "RESULT label=%s clients=%d rate=%.1f p50=%.3f p99=%.3f granted=%d reissued=%d"
              + " refused=%d errors=%d authority_cpu=%.2f load_cpu=%.2f machine_cpu=%.2f"
              + " cpu_ms=%.3f cpu_ms_nojit=%.3f writer_cpu=%.2f%n",
          label,
          clients,
          rate(),
          percentileMs(50),
          percentileMs(99),
          granted,
          reissued,
          refused,
          errors,
          cpu.authority(),
          cpu.load(),
          cpu.machine(),
          cpu.authority() * 1000 / rate(),
          cpu.authorityWithoutJit() * 1000 / rate(),
          cpu.writer());
    }
  }

  /**
   * Runs one phase. Closed loop ({@code intervalNanos} 0): each client sends its next request when
   * the previous answer arrived, so at saturation the latency is mostly queueing. Open loop:
   * request k is due at {@code start + k * intervalNanos} whatever the answers do (a fixed arrival
   * rate); the clients take the due requests in turn and each latency runs from the time the
   * request was due, not from when a client got round to sending it, so a stall counts for every
   * request it delayed (no coordinated omission). Only requests due (open) or finished (closed) in
   * the measured window count.
   */
  Result run(Workload work, int clients, int warmupSeconds, int durationSeconds, long intervalNanos)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmupSeconds * 1_000_000_000L;
    long measureTo = measureFrom + durationSeconds * 1_000_000_000L;
    AtomicLong slots = new AtomicLong();
    Tally[] tallies = new Tally[clients];
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      Tally t = tallies[c] = new Tally();
      threads[c] =
          (virtual ? Thread.ofVirtual() : Thread.ofPlatform())
              .name("load-" + c)
              .start(
                  () -> {
                    RawHttp connection = raw ? new RawHttp(base) : null;
                    while (true) {
                      long due;
                      if (intervalNanos > 0) {
                        due = start + slots.getAndIncrement() * intervalNanos;
                        if (due >= measureTo) {
                          break;
                        }
                        for (long wait = due - System.nanoTime();
                            wait > 0;
                            wait = due - System.nanoTime()) {
                          LockSupport.parkNanos(wait);
                        }
                      } else {
                        due = System.nanoTime();
                        if (due >= measureTo) {
                          break;
                        }
                      }
                      int job = work.next();
                      if (job < 0) {
                        break;
                      }
                      byte[] body = body(work.keyOf(job), job);
                      Outcome outcome =
                          connection != null ? send(connection, body) : send(activate, body);
                      long done = System.nanoTime();
                      if (outcome.status == 200 && !outcome.reissued) {
                        work.granted(job);
                      }
                      long at = intervalNanos > 0 ? due : done;
                      if (at >= measureFrom && at < measureTo) {
                        t.add(due, done - due);
                        t.count(outcome);
                      }
                    }
                    if (connection != null) {
                      connection.close();
                    }
                  });
    }
    for (Thread t : threads) {
      t.join();
    }
    long end = Math.min(System.nanoTime(), measureTo);
    if (timeline != null) {
      writeTimeline(tallies, start);
    }
    return Result.of(tallies, Math.max(1e-9, (end - measureFrom) / 1e9), work.ranOut());
  }

  /**
   * One line per measured request: when it was due (milliseconds since the epoch) and its latency
   * (microseconds), to line stalls up with the authority's GC and safepoint logs.
   */
  private void writeTimeline(Tally[] tallies, long start) {
    long epochNanosAtStart = System.currentTimeMillis() * 1_000_000L - (System.nanoTime() - start);
    StringBuilder b = new StringBuilder();
    for (Tally t : tallies) {
      for (int i = 0; i < t.n; i++) {
        long dueEpochMicros = (epochNanosAtStart + (t.dues[i] - start)) / 1_000;
        b.append(dueEpochMicros / 1000.0).append(',').append(t.latencies[i] / 1_000).append('\n');
      }
    }
    try {
      Files.writeString(timeline, b);
    } catch (IOException e) {
      System.err.println("timeline: " + e.getMessage());
    }
  }

  private record Outcome(int status, boolean reissued, String code) {}

  private static Outcome send(RawHttp connection, byte[] body) {
    try {
      return outcome(connection.post("/v1/activate", body));
    } catch (IOException | RuntimeException e) {
      return new Outcome(-1, false, e.getClass().getSimpleName());
    }
  }

  private static Outcome outcome(RawHttp.Response r) {
    String text = r.body();
    if (r.status() == 200) {
      return new Outcome(200, text.contains("\"reissued\":true"), "");
    }
    int at = text.indexOf("\"code\":\"");
    String code = at < 0 ? "?" : text.substring(at + 8, text.indexOf('"', at + 8));
    return new Outcome(r.status(), false, code);
  }

  private Outcome send(URI uri, byte[] body) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(60))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String text = r.body();
      if (r.statusCode() == 200) {
        return new Outcome(200, text.contains("\"reissued\":true"), "");
      }
      int at = text.indexOf("\"code\":\"");
      String code = at < 0 ? "?" : text.substring(at + 8, text.indexOf('"', at + 8));
      return new Outcome(r.statusCode(), false, code);
    } catch (IOException e) {
      return new Outcome(-1, false, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(-1, false, "interrupted");
    }
  }

  /** The activation request of machine {@code job} (the same machine every time). */
  static byte[] body(String key, int job) {
    SplittableRandom m = new SplittableRandom(0x5eed_0000_0000L + job);
    HexFormat hex = HexFormat.of();
    StringBuilder b = new StringBuilder(700);
    b.append("{\"key\":\"").append(key).append("\",\"product\":\"winserver\",\"version\":\"2022\"");
    b.append(",\"edition\":\"ServerStandard\",\"components\":{");
    byte[] bytes = new byte[16];
    for (int i = 0; i < COMPONENTS.length; i++) {
      m.nextBytes(bytes);
      b.append(i == 0 ? "\"" : ",\"").append(COMPONENTS[i]).append("\":\"");
      b.append(hex.formatHex(bytes)).append('"');
    }
    m.nextBytes(bytes);
    String h = hex.formatHex(bytes);
    b.append("},\"cmid\":\"")
        .append(h, 0, 8)
        .append('-')
        .append(h, 8, 12)
        .append("-4")
        .append(h, 13, 16)
        .append("-8")
        .append(h, 17, 20)
        .append('-')
        .append(h, 20, 32);
    b.append("\",\"oemMarker\":null,\"simulated\":false,\"clientTime\":\"")
        .append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append("\"}");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
