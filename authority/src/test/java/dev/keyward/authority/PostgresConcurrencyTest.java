package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency guarantees on PostgreSQL (SELECT … FOR UPDATE on the key row), and two stateless
 * authority nodes sharing one database and one set of secrets.
 */
class PostgresConcurrencyTest extends ConcurrencyTest {
  private String url;

  @Override
  Harness open(Path dir) {
    url = Postgres.newDatabase();
    return Harness.start(dir, b -> b.jdbcUrl(url));
  }

  @Test
  void twoNodesOnOneDatabaseShareThePool(@TempDir Path other) throws Exception {
    copy(h.server.dataDir().resolve("secrets"), other.resolve("secrets"));
    try (Harness second = Harness.start(other, b -> b.jdbcUrl(url))) {
      String key = h.issue("2022", "ServerStandard", "VOLUME_MAK", 30);
      ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
      List<Future<Harness.Response>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Harness node = i % 2 == 0 ? h : second;
        futures.add(
            pool.submit(() -> node.activate(key, "2022", "ServerStandard", Machine.random())));
      }
      int granted = 0;
      for (Future<Harness.Response> f : futures) {
        Harness.Response r = f.get();
        if (r.status() == 200) {
          granted++;
        } else {
          assertThat(r.code()).isEqualTo("0xC004C020");
        }
      }
      pool.shutdown();
      assertThat(granted).isEqualTo(30);
      JsonNode seenBySecond = second.show(key);
      assertThat(seenBySecond.path("poolUsed").asInt()).isEqualTo(30);
      assertThat(seenBySecond.path("activeActivations").asInt()).isEqualTo(30);
      // Each node accepts its own admin token; the audit chain stays one chain.
      assertThat(second.admin("GET", "/v1/admin/audit/verify", null).json().path("ok").asBoolean())
          .isTrue();
    }
  }

  private static void copy(Path from, Path to) {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
