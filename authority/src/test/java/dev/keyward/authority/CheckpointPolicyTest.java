package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.audit.AuditCheckpoint;
import dev.keyward.authority.audit.CheckpointFile;
import dev.keyward.authority.audit.Checkpointer;
import dev.keyward.authority.audit.DatabaseChain;
import dev.keyward.authority.store.Store;
import dev.keyward.core.time.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When checkpoints are written: every N entries, after T with new entries, and at close. */
class CheckpointPolicyTest {
  @TempDir Path data;
  @TempDir Path elsewhere;

  @Test
  void everyNEntriesOrAfterTWithNewEntriesAndAtClose() throws IOException {
    try (Harness h = Harness.start(data)) {
      MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
      Path file = elsewhere.resolve(CheckpointFile.NAME);
      Checkpointer checkpointer =
          new Checkpointer(
              new DatabaseChain(new Store(h.server.database())),
              signer(h),
              new CheckpointFile(file),
              clock,
              new Checkpointer.Policy(3, Duration.ofMinutes(30), Duration.ZERO));
      h.issue("2022", "ServerStandard", "RETAIL", null);
      Optional<AuditCheckpoint> first = checkpointer.tick();
      assertThat(first).as("the first checkpoint comes at once").isPresent();
      long seq = first.get().seq();

      h.issue("2022", "ServerStandard", "RETAIL", null);
      h.issue("2022", "ServerStandard", "RETAIL", null);
      assertThat(checkpointer.tick()).as("2 new entries, 0 minutes").isEmpty();
      h.issue("2022", "ServerStandard", "RETAIL", null);
      assertThat(checkpointer.tick().map(AuditCheckpoint::seq)).contains(seq + 3);

      clock.advance(Duration.ofMinutes(31));
      assertThat(checkpointer.tick()).as("time passed, but no new entry").isEmpty();
      h.issue("2022", "ServerStandard", "RETAIL", null);
      assertThat(checkpointer.tick().map(AuditCheckpoint::seq)).contains(seq + 4);

      h.issue("2022", "ServerStandard", "RETAIL", null);
      checkpointer.close();
      var read = CheckpointFile.read(file);
      assertThat(read.checkpoints())
          .extracting(AuditCheckpoint::seq)
          .containsExactly(seq, seq + 3, seq + 4, seq + 5);
      assertThat(read.checkpoints()).allMatch(c -> c.signatureValid(h.server.trustedKeys()));
      assertThat(Files.readAllLines(file)).hasSize(4);
    }
  }

  private static dev.keyward.authority.crypto.CertificateSigner signer(Harness h) {
    return DataDirectory.open(h.server.dataDir()).signer();
  }
}
