package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.authority.audit.AuditChainCheck;
import dev.keyward.authority.audit.AuditCheckpoint;
import dev.keyward.authority.audit.CheckpointFile;
import dev.keyward.authority.crypto.CertificateSigner;
import dev.keyward.authority.startup.StartupException;
import dev.keyward.authority.store.AuditEntry;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #9.6: the database owner's two quiet rewrites of the audit log (remove the last entries and
 * move the head; rewrite an entry and recompute the chain) pass the chain check alone, and are
 * caught by the signed checkpoints kept in the data directory.
 */
class AuditAnchorTest {
  @TempDir Path data;

  private Harness start(String database) {
    return Harness.start(
        data,
        b -> {
          if (database.equals("postgresql")) {
            b.jdbcUrl(Postgres.newDatabase());
          }
        });
  }

  private static void entries(Harness h, int n) {
    for (int i = 0; i < n; i++) {
      h.issue("2022", "ServerStandard", "RETAIL", null); // one keys.issue entry each
    }
  }

  private static JsonNode checkpoint(Harness h) {
    Harness.Response r = h.admin("GET", "/v1/admin/audit/checkpoint", null);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode verify(Harness h) {
    Harness.Response r = h.admin("GET", "/v1/admin/audit/verify", null);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return r.json();
  }

  /** What the chain alone says, as before checkpoints existed: no checkpoint, the head. */
  private static boolean chainAloneIntact(Harness h) {
    Database db = h.server.database();
    Store store = new Store(db);
    return db.read(
        x -> {
          var head = store.audit().auditHead(x);
          return AuditChainCheck.check(
                  (after, limit) -> store.audit().audit(x, after, limit),
                  Optional.of(new AuditChainCheck.Head(head.getKey(), head.getValue())),
                  List.of(),
                  h.server.trustedKeys(),
                  List.of())
              .intact();
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void anUntouchedLogIsIntactAgainstItsCheckpoints(String database) {
    try (Harness h = start(database)) {
      entries(h, 3);
      JsonNode first = checkpoint(h);
      entries(h, 2);
      JsonNode second = checkpoint(h);
      assertThat(second.path("seq").asLong()).isEqualTo(first.path("seq").asLong() + 2);
      assertThat(checkpoint(h)).as("the head did not move: the same checkpoint").isEqualTo(second);
      JsonNode report = verify(h);
      assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
      assertThat(report.path("checkpoints").asInt()).isEqualTo(2);
      assertThat(report.path("latestCheckpoint").asLong()).isEqualTo(second.path("seq").asLong());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void removingTheLastEntriesAndMovingTheHeadIsReportedAsTruncation(String database) {
    try (Harness h = start(database)) {
      entries(h, 6);
      long signed = checkpoint(h).path("seq").asLong();
      long keep = signed - 3;
      DatabaseOwner.truncate(h.server.database(), keep);

      assertThat(chainAloneIntact(h)).as("the attack passes the chain alone").isTrue();
      JsonNode report = verify(h);
      assertThat(report.path("ok").asBoolean()).isFalse();
      assertThat(report.path("problem").asText()).isEqualTo("truncated");
      assertThat(report.path("brokenAt").asLong()).isEqualTo(keep + 1);
      assertThat(report.path("reason").asText())
          .contains("ends at entry " + keep)
          .contains("records entry " + signed);

      // The authority will not sign the shortened head either.
      Harness.Response refused = h.admin("GET", "/v1/admin/audit/checkpoint", null);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.code()).isEqualTo("0xC0DE0021");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void rewritingAnEntryAndRechainingIsReportedAsARewrite(String database) {
    try (Harness h = start(database)) {
      entries(h, 3);
      long early = checkpoint(h).path("seq").asLong();
      entries(h, 3);
      long signed = checkpoint(h).path("seq").asLong();
      DatabaseOwner.rewrite(h.server.database(), early + 2, "{\"reason\":\"nothing happened\"}");

      assertThat(chainAloneIntact(h)).as("the attack passes the chain alone").isTrue();
      JsonNode report = verify(h);
      assertThat(report.path("ok").asBoolean()).isFalse();
      assertThat(report.path("problem").asText()).isEqualTo("rewritten");
      assertThat(report.path("brokenAt").asLong()).isEqualTo(signed);
      assertThat(report.path("reason").asText()).contains("from " + (early + 1) + " to " + signed);
      assertThat(report.path("checkpoints").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aForgedCheckpointIsReported() throws IOException {
    try (Harness h = start("sqlite")) {
      entries(h, 2);
      JsonNode real = checkpoint(h);
      Path file = h.server.dataDir().resolve(CheckpointFile.NAME);
      assertThat(Files.readAllLines(file)).hasSize(1);
      // The real checkpoint with another hash: its signature no longer fits.
      String edited =
          Harness.write(real)
              .replace(real.path("hash").asText(), AuditEntry.GENESIS.replace('0', 'a'));
      // A well-formed checkpoint signed by a key this authority does not have.
      byte[] seed = new byte[32];
      new SecureRandom().nextBytes(seed);
      CertificateSigner stranger = new CertificateSigner(seed);
      String foreign =
          AuditCheckpoint.sign(1, real.path("hash").asText(), Instant.now(), stranger).line();
      Files.writeString(file, edited + "\n" + foreign + "\n{not json\n", StandardOpenOption.APPEND);

      JsonNode report = verify(h);
      assertThat(report.path("ok").asBoolean()).isFalse();
      List<String> problems =
          report.path("problems").findValuesAsText("problem").stream().sorted().toList();
      assertThat(problems)
          .containsExactly("forged-checkpoint", "forged-checkpoint", "malformed-checkpoint");
      assertThat(report.path("checkpoints").asInt()).as("the real one still counts").isEqualTo(1);
    }
  }

  @Test
  void shutdownWritesTheLastCheckpointAndTheLogCarriesIt() throws IOException {
    Path file = data.resolve(CheckpointFile.NAME);
    long head;
    try (Harness h = start("sqlite")) {
      entries(h, 4);
      head = verify(h).path("entries").asLong();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1);
    AuditCheckpoint last = AuditCheckpoint.parse(lines.get(0)).orElseThrow();
    assertThat(last.seq()).isEqualTo(head);
    // A server log line reads as the same checkpoint.
    CheckpointFile.Read fromLog =
        CheckpointFile.parse(
            List.of(
                "2026-01-01 INFO [main] Checkpointer - " + CheckpointFile.LOG_MARKER + last.line(),
                "2026-01-01 INFO [main] AuthorityServer - listening on http://127.0.0.1:1"),
            "authority.log");
    assertThat(fromLog.checkpoints()).containsExactly(last);
    assertThat(fromLog.problems()).isEmpty();
    // The next start checks against it: still intact.
    try (Harness h = start("sqlite")) {
      assertThat(verify(h).path("latestCheckpoint").asLong()).isEqualTo(head);
      assertThat(verify(h).path("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void anUnreadableCheckpointFileStopsTheStartAndNamesIt() throws IOException {
    Files.createDirectories(data.resolve(CheckpointFile.NAME)); // a directory, not a file
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> start("sqlite"))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining(CheckpointFile.NAME);
  }

  @Test
  void anEmptiedLogIsTruncatedAndGetsNoFreshCheckpoint() {
    try (Harness h = start("sqlite")) {
      entries(h, 2);
      long signed = checkpoint(h).path("seq").asLong();
      DatabaseOwner.truncate(h.server.database(), 0);

      JsonNode report = verify(h);
      assertThat(report.path("problem").asText()).isEqualTo("truncated");
      assertThat(report.path("brokenAt").asLong()).isEqualTo(1);
      assertThat(report.path("reason").asText()).contains("records entry " + signed);
      assertThat(h.admin("GET", "/v1/admin/audit/checkpoint", null).status()).isEqualTo(409);
      assertThat(h.server.auditLog().checkpointer().tick()).isEmpty();
    }
  }
}
