package dev.keyward.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.client.KeywardClient;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.hardware.Cmid;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.json.Json;
import dev.keyward.core.volume.VolumeRequest;
import dev.keyward.machines.LabProfile;
import dev.keyward.volumehost.VolumeHost;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Renewals per second against one volume host (issue #12.8) beside a hello-world on the same HTTP
 * stack (the JDK's server, a virtual thread per exchange) in the same JVM and run, p50 / p99, and
 * the host's heap before and after 100,000 distinct clients asked. Everything on 127.0.0.1: an
 * authority in-process activates the host store first.
 *
 * <p>Options (system properties): clients (32), simulated (10000 machines renewing), warmup (5 s),
 * duration (15 s), distinct (100000).
 */
public final class VolumeHostBenchmark {
  private VolumeHostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = Integer.getInteger("clients", 32);
    int simulated = Integer.getInteger("simulated", 10_000);
    int warmup = Integer.getInteger("warmup", 5);
    int duration = Integer.getInteger("duration", 15);
    int distinct = Integer.getInteger("distinct", 100_000);
    Path dir = Files.createTempDirectory("keyward-volume-bench");
    try (AuthorityServer authority =
            AuthorityServer.start(
                AuthorityConfig.builder()
                    .dataDir(dir.resolve("authority"))
                    .port(0)
                    .bind("127.0.0.1")
                    .jdbcUrl(Optional.empty())
                    .catalog("builtin:winserver")
                    .allowSimulatedMachines(true)
                    .noRateLimits()
                    .build());
        VolumeHost host = VolumeHost.start(config(activatedHost(authority, dir)));
        HelloWorld hello = new HelloWorld()) {
      byte[][] renewals = new byte[simulated][];
      for (int i = 0; i < simulated; i++) {
        renewals[i] = request(i);
      }
      // the first machines bring the count to the threshold: every later request is a renewal
      run(host.url(), "/v1/volume/activate", clients, 2, i -> renewals[i % simulated]);
      byte[] helloBody = "{}".getBytes(StandardCharsets.UTF_8);
      run(hello.url(), "/", clients, warmup, i -> helloBody);
      run(host.url(), "/v1/volume/activate", clients, warmup, i -> renewals[i % simulated]);
      Result helloResult = run(hello.url(), "/", clients, duration, i -> helloBody);
      Result hostResult =
          run(host.url(), "/v1/volume/activate", clients, duration, i -> renewals[i % simulated]);
      System.out.printf(
          "cores %d, %d client threads, %d simulated machines, %d s each%n",
          Runtime.getRuntime().availableProcessors(), clients, simulated, duration);
      System.out.println("hello-world (JDK HttpServer): " + helloResult);
      System.out.println("volume host renewals:         " + hostResult);
      System.out.printf(
          "ratio: %.2f of the hello-world%n", hostResult.perSecond() / helloResult.perSecond());
      long before = heapAfterGc();
      Result spread = runCount(host.url(), clients, distinct, i -> request(simulated + i));
      long after = heapAfterGc();
      System.out.printf(
          "%d distinct machines more (%s): heap %d -> %d bytes (%+.1f bytes a machine); counts %s%n",
          distinct, spread, before, after, (after - before) / (double) distinct, host.counts());
    }
  }

  private static KeywardClient activatedHost(AuthorityServer authority, Path dir) throws Exception {
    MachineFacts facts = LabProfile.HYPERV_VM.newMachine(new Random(1));
    KeywardClient client =
        KeywardClient.builder()
            .store(dir.resolve("host-store"))
            .machine(() -> facts)
            .authority(authority.uri())
            .trust(authority.trustedKeys())
            .build();
    client.init("winserver", "2022", "ServerStandard");
    HttpResponse<String> issued =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(authority.uri().resolve("/v1/admin/keys"))
                    .header("Authorization", "Bearer " + authority.adminToken())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            Json.write(Map.of("version", "2022", "channel", "VOLUME_KMS_HOST"))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keys =
        (List<Map<String, Object>>) Json.readObject(issued.body()).orElseThrow().get("keys");
    client.installKey((String) keys.get(0).get("key"));
    client.activate();
    client.pinTrust();
    return client;
  }

  private static VolumeHost.Config config(KeywardClient client) {
    return new VolumeHost.Config(client, "127.0.0.1", 0, Optional.empty(), Clock.systemUTC());
  }

  private static final int GROUP =
      CatalogLoader.winserver()
          .product("winserver")
          .orElseThrow()
          .keyGroup("2022", "ServerStandard", Channel.VOLUME_KMSCLIENT)
          .orElseThrow()
          .number();

  private static byte[] request(int machine) {
    int group = GROUP;
    String cmid =
        new Cmid(new UUID(0x1234_5678_0000_4000L, 0x8000_0000_0000_0000L | machine)).format();
    return new VolumeRequest(
            "winserver", "2022", "ServerStandard", group, cmid, Instant.now(), Optional.empty())
        .toJsonText()
        .getBytes(StandardCharsets.UTF_8);
  }

  record Result(long requests, double seconds, long p50Micros, long p99Micros, long failures) {
    double perSecond() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format(
          "%.0f requests/s, p50 %d us, p99 %d us, %d failures",
          perSecond(), p50Micros, p99Micros, failures);
    }
  }

  /** {@code clients} threads, each on its own keep-alive connection, for {@code seconds}. */
  private static Result run(
      URI base, String path, int clients, int seconds, IntFunction<byte[]> body) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    return load(base, path, clients, (thread, n) -> System.nanoTime() < end, body);
  }

  /** {@code total} requests spread over {@code clients} threads. */
  private static Result runCount(URI base, int clients, int total, IntFunction<byte[]> body)
      throws Exception {
    return load(
        base, "/v1/volume/activate", clients, (thread, n) -> n * clients + thread < total, body);
  }

  interface Go {
    boolean next(int thread, int n);
  }

  private static Result load(URI base, String path, int clients, Go go, IntFunction<byte[]> body)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<long[]>> futures =
        java.util.stream.IntStream.range(0, clients)
            .mapToObj(
                t ->
                    pool.submit(
                        () -> {
                          long[] latencies = new long[1 << 16];
                          long count = 0;
                          long failures = 0;
                          try (RawHttp http = new RawHttp(base)) {
                            for (int n = 0; go.next(t, n) && n < 50_000_000; n++) {
                              long t0 = System.nanoTime();
                              RawHttp.Response r = http.post(path, body.apply(n * clients + t));
                              latencies[(int) (count++ & 0xFFFF)] = System.nanoTime() - t0;
                              if (r.status() >= 500 || r.status() == 400) {
                                failures++;
                              }
                            }
                          }
                          long[] out = Arrays.copyOf(latencies, (int) Math.min(count, 1 << 16) + 2);
                          out[out.length - 2] = count;
                          out[out.length - 1] = failures;
                          return out;
                        }))
            .toList();
    long total = 0;
    long failures = 0;
    long[] all = new long[0];
    for (Future<long[]> f : futures) {
      long[] r = f.get();
      total += r[r.length - 2];
      failures += r[r.length - 1];
      long[] samples = Arrays.copyOf(r, r.length - 2);
      long[] merged = Arrays.copyOf(all, all.length + samples.length);
      System.arraycopy(samples, 0, merged, all.length, samples.length);
      all = merged;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(all);
    long p50 = all.length == 0 ? 0 : all[all.length / 2] / 1000;
    long p99 = all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1000;
    return new Result(total, seconds, p50, p99, failures);
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The JDK server answering {@code {"status":"ok"}}, configured as the volume host's. */
  static final class HelloWorld implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    HelloWorld() throws Exception {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
      server.setExecutor(executor);
      byte[] answer = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/",
          ex -> {
            try (ex) {
              ex.getRequestBody().readAllBytes();
              ex.getResponseHeaders().set("Content-Type", "application/json");
              ex.sendResponseHeaders(200, answer.length);
              try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
              }
            }
          });
      server.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
