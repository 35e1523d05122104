package dev.keyward.benchmarks.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of {@code scale/cluster-test.sh}: issues {@code --retail} retail keys and one MAK
 * of pool {@code --mak-pool}, then activates, at a fixed rate through the load balancer, one
 * machine per retail key and {@code --mak-machines} machines on the MAK (more than its pool: the
 * nodes race for its last counts). Like a real client it sends an interrupted activation again (a
 * 503, a 502/504 of the load balancer, a broken connection) until it gets an answer, and it records
 * every certificate it received in {@code --out} (one JSON line per machine) for {@code
 * ClusterCheck}. It also checks idempotency: a machine that gets a second certificate must get the
 * same one, and a share of the grants is sent again on purpose.
 */
public final class ClusterLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] COMPONENTS = {
    "uuid", "serial", "baseboard", "cpu", "ram", "disk", "controller", "nic", "display", "volume"
  };

  private final URI base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  // What the clients saw.
  private final Map<Integer, String> certificates = new ConcurrentHashMap<>();
  private final AtomicInteger mismatches = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicInteger interruptedThenReissued = new AtomicInteger();
  private final AtomicInteger deliberateRepeats = new AtomicInteger();
  private final AtomicInteger poolRefusals = new AtomicInteger();
  private final AtomicInteger unexpected = new AtomicInteger();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> answeredAt = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

  private ClusterLoad(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    URI url = URI.create(o.get("url"));
    String token = Files.readString(Path.of(o.get("token-file"))).strip();
    int retail = Integer.parseInt(o.getOrDefault("retail", "1500"));
    int makPool = Integer.parseInt(o.getOrDefault("mak-pool", "50"));
    int makMachines = Integer.parseInt(o.getOrDefault("mak-machines", "150"));
    int clients = Integer.parseInt(o.getOrDefault("clients", "16"));
    double rate = Double.parseDouble(o.getOrDefault("rate", "40"));
    int jobSeconds = Integer.parseInt(o.getOrDefault("job-seconds", "120"));
    Path out = Path.of(o.get("out"));
    ClusterLoad load = new ClusterLoad(url, token);
    List<String> keys = new ArrayList<>(load.issue("RETAIL", retail, null));
    List<String> mak = load.issue("VOLUME_MAK", 1, makPool);
    System.out.printf(
        "cluster-load: issued %d retail keys and a MAK of pool %d (%s)%n",
        retail, makPool, load.makId);
    System.out.println("LOAD_START " + System.currentTimeMillis());
    long t0 = System.nanoTime();
    // Admin writes through the load balancer meanwhile: audit entries appended by both nodes.
    Thread admin = Thread.ofPlatform().daemon().name("cluster-admin").start(load::adminWrites);
    load.run(keys, mak.get(0), makMachines, clients, rate, jobSeconds);
    double seconds = (System.nanoTime() - t0) / 1e9;
    admin.interrupt();
    admin.join(Duration.ofSeconds(40));
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String line : load.lines) {
        w.write(line);
        w.newLine();
      }
    }
    load.report(retail, makMachines, seconds);
  }

  private String makId = "";
  private final AtomicInteger adminIssued = new AtomicInteger();
  private final AtomicInteger adminFailed = new AtomicInteger();

  /** Issues a key every 200 ms until interrupted; a failed issue (failover) is simply counted. */
  private void adminWrites() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        issue("RETAIL", 1, null);
        adminIssued.incrementAndGet();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        adminFailed.incrementAndGet();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  List<String> issue(String channel, int count, Integer pool) throws Exception {
    List<String> keys = new ArrayList<>();
    while (keys.size() < count) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("version", "2022");
      body.put("edition", "ServerStandard");
      body.put("channel", channel);
      body.put("count", Math.min(1000, count - keys.size()));
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
        if (pool != null) {
          makId = k.path("id").asText();
        }
      }
    }
    return keys;
  }

  private void run(
      List<String> retail, String mak, int makMachines, int clients, double rate, int jobSeconds)
      throws InterruptedException {
    int total = retail.size() + makMachines;
    int[] jobs = new int[total];
    for (int i = 0; i < total; i++) {
      jobs[i] = i;
    }
    SplittableRandom shuffle = new SplittableRandom(16);
    for (int i = total - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      int t = jobs[i];
      jobs[i] = jobs[j];
      jobs[j] = t;
    }
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    long intervalNanos = (long) (1e9 / rate);
    AtomicLong dummy = new AtomicLong();
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      threads[c] =
          Thread.ofPlatform()
              .name("cluster-load-" + c)
              .start(
                  () -> {
                    SplittableRandom random = new SplittableRandom(dummy.incrementAndGet());
                    while (true) {
                      int i = next.getAndIncrement();
                      if (i >= total) {
                        return;
                      }
                      // Open loop: job i is due at start + i / rate, whatever came before.
                      long due = start + i * intervalNanos;
                      long wait = due - System.nanoTime();
                      if (wait > 0) {
                        sleepNanos(wait);
                      }
                      int job = jobs[i];
                      String key = job < retail.size() ? retail.get(job) : mak;
                      activate(job, key, job >= retail.size(), jobSeconds, random);
                    }
                  });
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /** Activates machine {@code job} until it has an answer (or {@code jobSeconds} pass). */
  private void activate(int job, String key, boolean isMak, int jobSeconds, SplittableRandom r) {
    byte[] body = body(key, job);
    long until = System.nanoTime() + jobSeconds * 1_000_000_000L;
    boolean interrupted = false;
    while (System.nanoTime() < until) {
      Answer a = send(body);
      if (a.status == 200) {
        answeredAt.add(System.currentTimeMillis());
        accept(job, key, isMak, a, interrupted);
        if (r.nextDouble() < 0.1) {
          // A client that lost the answer: the same machine and key again.
          Answer again = send(body);
          if (again.status == 200) {
            deliberateRepeats.incrementAndGet();
            accept(job, key, isMak, again, true);
          }
        }
        return;
      }
      if (a.status == 422 && isMak && a.code.equals("0xC004C020")) {
        answeredAt.add(System.currentTimeMillis());
        poolRefusals.incrementAndGet();
        lines.add("{\"job\":" + job + ",\"mak\":true,\"refused\":\"" + a.code + "\"}");
        return;
      }
      if (a.status == 422 || a.status == 400 || a.status == 404 || a.status == 409) {
        unexpected.incrementAndGet();
        failures
            .computeIfAbsent(a.status + " " + a.code, k -> new AtomicInteger())
            .incrementAndGet();
        return;
      }
      // 503 (the authority's database is away, or no authority up), 502/504, broken connection:
      // the request may or may not have been applied; send it again, as a client does.
      failures.computeIfAbsent(a.status + " " + a.code, k -> new AtomicInteger()).incrementAndGet();
      retries.incrementAndGet();
      interrupted = true;
      sleepNanos(500_000_000L);
    }
    unexpected.incrementAndGet();
    failures.computeIfAbsent("gave up", k -> new AtomicInteger()).incrementAndGet();
  }

  private void accept(int job, String key, boolean isMak, Answer a, boolean repeat) {
    String certificate = withoutReissued(a.body);
    String before = certificates.putIfAbsent(job, certificate);
    if (before != null && !before.equals(certificate)) {
      mismatches.incrementAndGet();
      System.out.println("MISMATCH job " + job + ": two different certificates for one machine");
    }
    if (before == null) {
      if (repeat && a.body.contains("\"reissued\":true")) {
        interruptedThenReissued.incrementAndGet();
      }
      lines.add(
          "{\"job\":"
              + job
              + ",\"mak\":"
              + isMak
              + ",\"key\":\""
              + key
              + "\",\"response\":"
              + a.body
              + "}");
    }
  }

  private static String withoutReissued(String body) {
    try {
      ObjectNode n = (ObjectNode) JSON.readTree(body);
      n.remove("reissued");
      return JSON.writeValueAsString(n);
    } catch (Exception e) {
      return body;
    }
  }

  private record Answer(int status, String code, String body) {}

  private Answer send(byte[] body) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/v1/activate"))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String text = r.body();
      int at = text.indexOf("\"code\":\"");
      String code = at < 0 ? "-" : text.substring(at + 8, text.indexOf('"', at + 8));
      return new Answer(r.statusCode(), code, text);
    } catch (java.io.IOException e) {
      return new Answer(-1, e.getClass().getSimpleName(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, "interrupted", "");
    }
  }

  private void report(int retail, int makMachines, double seconds) {
    List<Long> times = new ArrayList<>(answeredAt);
    times.sort(Long::compare);
    long gap = 0;
    long gapFrom = 0;
    for (int i = 1; i < times.size(); i++) {
      long g = times.get(i) - times.get(i - 1);
      if (g > gap) {
        gap = g;
        gapFrom = times.get(i - 1);
      }
    }
    long makGranted = certificates.keySet().stream().filter(j -> j >= retail).count();
    long retailGranted = certificates.size() - makGranted;
    System.out.println("cluster-load: failures and retries by answer: " + failures);
    System.out.printf(
        "cluster-load: %.0f machines answered a second (%d in %.1f s, open loop); %d admin key"
            + " issues beside (%d failed during the kills)%n",
        (retail + makMachines) / seconds,
        retail + makMachines,
        seconds,
        adminIssued.get(),
        adminFailed.get());
    System.out.printf(
        "RESULT seconds=%.1f retail=%d retail_granted=%d mak_machines=%d mak_granted=%d"
            + " mak_refused=%d retries=%d interrupted_then_reissued=%d repeats=%d mismatches=%d"
            + " unexpected=%d longest_gap_ms=%d gap_from=%d%n",
        seconds,
        retail,
        retailGranted,
        makMachines,
        makGranted,
        poolRefusals.get(),
        retries.get(),
        interruptedThenReissued.get(),
        deliberateRepeats.get(),
        mismatches.get(),
        unexpected.get(),
        gap,
        gapFrom);
    System.out.println("MAK_ID " + makId);
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }

  /** The activation request of machine {@code job}: the same machine every time. */
  static byte[] body(String key, int job) {
    SplittableRandom m = new SplittableRandom(0xC1_0000_0000L + job);
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
