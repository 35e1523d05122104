package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many machines at once against one key: a grant and its count are one transaction (SQLite here,
 * PostgreSQL in {@link PostgresConcurrencyTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {
  static final int IN_FLIGHT = 48;

  Harness h;

  Harness open(Path dir) {
    return Harness.start(dir);
  }

  @BeforeAll
  void start(@TempDir Path data) {
    h = open(data);
  }

  @AfterAll
  void stop() {
    h.close();
  }

  private <T> List<T> run(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  try {
                    return task.call();
                  } finally {
                    inFlight.decrementAndGet();
                  }
                }));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      assertThat(peak.get()).as("requests in flight at once").isGreaterThanOrEqualTo(32);
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPoolOfFiftyGrantsExactlyFiftyOfFourHundredMachines() throws Exception {
    String key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 50);
    long start = System.nanoTime();
    List<Harness.Response> answers =
        run(400, () -> h.activate(key, "2022", "ServerStandard", Machine.random()));
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "%s: 400 activations of one key, %d in flight: %d ms (%.0f/s)%n",
        h.server.database().dialect(), IN_FLIGHT, ms, 400_000.0 / Math.max(1, ms));
    long granted = answers.stream().filter(r -> r.status() == 200).count();
    long empty =
        answers.stream().filter(r -> r.status() == 422 && r.code().equals("0xC004C020")).count();
    assertThat(granted).isEqualTo(50);
    assertThat(empty).isEqualTo(350);
    JsonNode record = h.show(key);
    assertThat(record.path("poolUsed").asInt()).isEqualTo(50);
    assertThat(record.path("activeActivations").asInt()).isEqualTo(50);
    Set<String> ids = new HashSet<>();
    answers.stream()
        .filter(r -> r.status() == 200)
        .forEach(r -> ids.add(r.json().path("certificate").path("certificateId").asText()));
    assertThat(ids).hasSize(50);
  }

  @Test
  void aHundredParallelRetriesFromOneMachineSpendOneCount() throws Exception {
    String key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 10);
    Machine m = Machine.random();
    List<Harness.Response> answers = run(100, () -> h.activate(key, "2022", "ServerStandard", m));
    assertThat(answers).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(answers.stream().filter(r -> !r.json().path("reissued").asBoolean()).count())
        .isEqualTo(1);
    assertThat(
            answers.stream()
                .map(r -> r.json().path("certificate").path("certificateId").asText())
                .distinct()
                .count())
        .isEqualTo(1);
    JsonNode record = h.show(key);
    assertThat(record.path("poolUsed").asInt()).isEqualTo(1);
    assertThat(record.path("activeActivations").asInt()).isEqualTo(1);
  }
}
