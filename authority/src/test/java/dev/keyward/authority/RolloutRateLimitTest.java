package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.http.RateLimit;
import dev.keyward.core.key.ProductKeyCodec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client endpoints' rate limits with their default numbers (docs/security.md): a rollout of a
 * hundred machines with one MAK is never throttled, guessing is; a forwarded address counts only
 * from a trusted proxy.
 */
class RolloutRateLimitTest {
  static void defaults(AuthorityConfig.Builder b) {
    b.perAddress(AuthorityConfig.DEFAULT_PER_ADDRESS)
        .perKey(AuthorityConfig.DEFAULT_PER_KEY)
        .failuresPerAddress(AuthorityConfig.DEFAULT_FAILURES_PER_ADDRESS);
  }

  @Test
  void aRolloutOfAHundredMachinesWithOneMakIsNeverThrottled(@TempDir Path data) {
    try (Harness h = Harness.start(data, RolloutRateLimitTest::defaults)) {
      String mak = h.issue("2022", "ServerStandard", "VOLUME_MAK", 100);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        statuses.add(h.activate(mak, "2022", "ServerStandard", Machine.random()).status());
      }
      assertThat(statuses).hasSize(100).containsOnly(200);
      // The pool is used up: the 101st is a refusal, still not a 429.
      assertThat(h.activate(mak, "2022", "ServerStandard", Machine.random()).status())
          .isEqualTo(422);
    }
  }

  @Test
  void guessingKeysIsThrottledWithRetryAfter(@TempDir Path data) {
    try (Harness h = Harness.start(data, RolloutRateLimitTest::defaults)) {
      List<Integer> statuses = new ArrayList<>();
      Harness.Response last = null;
      for (int i = 0; i < 40; i++) {
        String guess =
            ProductKeyCodec.encode(2011, i + 1, (g, s) -> ThreadLocalRandom.current().nextLong())
                .display();
        last = h.activate(guess, "2022", "ServerStandard", Machine.random());
        statuses.add(last.status());
      }
      int budget = AuthorityConfig.DEFAULT_FAILURES_PER_ADDRESS.burst();
      assertThat(statuses.subList(0, budget)).containsOnly(422);
      assertThat(statuses.subList(budget + 2, 40)).containsOnly(429);
      assertThat(last.code()).isEqualTo("0xC0DE0006");
      assertThat(last.raw().headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    }
  }

  @Test
  void oneKeysFailuresAreLimitedPerAddressAndSuccessesAreFree(@TempDir Path data) {
    try (Harness h =
        Harness.start(
            data,
            b ->
                b.perKey(new RateLimit(3, 0.001))
                    .edge(e -> e.withTrustedProxies(List.of("127.0.0.1"))))) {
      String k = h.issue("2022", "ServerStandard", "RETAIL", null);
      Machine m = Machine.random();
      // Successes (the same machine again: reissued) cost nothing.
      for (int i = 0; i < 5; i++) {
        assertThat(post(h, "198.51.100.7", Harness.activation(k, "2022", "ServerStandard", m)))
            .isEqualTo(200);
      }
      // Wrong edition: refusals, three allowed from one address, then 429.
      List<Integer> attacker = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        attacker.add(post(h, "203.0.113.9", Harness.activation(k, "2022", "ServerDatacenter", m)));
      }
      assertThat(attacker).containsExactly(422, 422, 422, 429, 429);
      // The attacker emptied only its own budget for this key.
      assertThat(post(h, "198.51.100.7", Harness.activation(k, "2022", "ServerStandard", m)))
          .isEqualTo(200);
    }
  }

  @Test
  void forwardedAddressesCountOnlyFromATrustedProxy(@TempDir Path data) {
    try (Harness h =
        Harness.start(
            data,
            b ->
                b.perAddress(new RateLimit(2, 0.001))
                    .edge(e -> e.withTrustedProxies(List.of("127.0.0.0/8"))))) {
      Map<String, Object> bad = Map.of("key", "x");
      assertThat(post(h, "203.0.113.5", bad)).isNotEqualTo(429);
      assertThat(post(h, "203.0.113.5", bad)).isNotEqualTo(429);
      assertThat(post(h, "203.0.113.5", bad)).isEqualTo(429);
      // Another client behind the same proxy has its own bucket.
      assertThat(post(h, "203.0.113.6", bad)).isNotEqualTo(429);
    }
    try (Harness h =
        Harness.start(
            data.resolve("untrusted"),
            b ->
                b.perAddress(new RateLimit(2, 0.001))
                    .edge(e -> e.withTrustedProxies(List.of("10.9.9.9"))))) {
      Map<String, Object> bad = Map.of("key", "x");
      // From an untrusted peer the header is ignored: every spoofed address is 127.0.0.1.
      assertThat(post(h, "203.0.113.1", bad)).isNotEqualTo(429);
      assertThat(post(h, "203.0.113.2", bad)).isNotEqualTo(429);
      assertThat(post(h, "203.0.113.3", bad)).isEqualTo(429);
    }
  }

  private static int post(Harness h, String forwardedFor, Map<String, ?> body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(h.server.uri().resolve("/v1/activate"))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .header("X-Forwarded-For", forwardedFor)
              .POST(HttpRequest.BodyPublishers.ofString(Harness.JSON.writeValueAsString(body)))
              .build();
      return h.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
