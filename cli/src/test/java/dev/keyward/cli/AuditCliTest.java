package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.audit.CheckpointFile;
import dev.keyward.authority.crypto.CertificateSigner;
import dev.keyward.authority.store.Database;
import dev.keyward.core.catalog.TrustDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward admin audit checkpoint} and {@code verify --checkpoints FILE}: an operator keeps
 * signed checkpoints and the public keys off the authority's machine, and catches a database owner
 * who shortened the log even after the authority's own checkpoint file was removed as well.
 */
class AuditCliTest {
  @TempDir Path dir;

  @Test
  void keptCheckpointsCatchATruncatedLog() throws IOException {
    try (Site site = new Site(dir, 9)) {
      for (int i = 0; i < 4; i++) {
        site.issue("2022", "ServerStandard", "RETAIL");
      }
      Path kept = dir.resolve("kept-checkpoints.jsonl");
      Path trust = dir.resolve("kept-trust.json");
      Files.copy(site.trustFile(), trust);
      String line = site.admin(null, "audit", "checkpoint", "--append", kept.toString()).out();
      assertThat(line.strip()).startsWith("{\"at\":").contains("\"signature\":");
      assertThat(Files.readAllLines(kept)).containsExactly(line.strip());
      long signed = ((Number) site.adminJson(null, "audit", "checkpoint").get("seq")).longValue();

      String intact =
          site.admin(
                  null,
                  "audit",
                  "verify",
                  "--checkpoints",
                  kept.toString(),
                  "--trust",
                  trust.toString())
              .out();
      assertThat(intact).contains("Audit log intact").contains("latest at entry " + signed);

      // Checked with keys that are not the authority's, the checkpoints are not believed.
      byte[] seed = new byte[32];
      new SecureRandom().nextBytes(seed);
      Path strangers = dir.resolve("strangers-trust.json");
      Files.writeString(
          strangers,
          TrustDocument.write(List.of(new CertificateSigner(seed).publicKey()), List.of()));
      CliRunner.Result forged =
          site.cli.run(
              "admin",
              "--authority",
              site.authority.uri().toString(),
              "--token",
              site.authority.adminToken(),
              "audit",
              "verify",
              "--checkpoints",
              kept.toString(),
              "--trust",
              strangers.toString());
      assertThat(forged.exit()).as(forged.toString()).isEqualTo(KeywardCli.REFUSED);
      assertThat(forged.err()).contains("forged-checkpoint");

      // The owner of the database and of the data directory's checkpoint file.
      truncate(site.authority.database(), signed - 2);
      Files.delete(site.authority.dataDir().resolve(CheckpointFile.NAME));
      assertThat(site.admin(null, "audit", "verify").out())
          .as("the authority's own check has nothing left to compare with")
          .contains("No signed checkpoint was checked");

      List<String> args =
          List.of(
              "admin",
              "--authority",
              site.authority.uri().toString(),
              "--token",
              site.authority.adminToken(),
              "audit",
              "verify",
              "--checkpoints",
              kept.toString(),
              "--trust",
              trust.toString());
      CliRunner.Result text = site.cli.run(args.toArray(String[]::new));
      assertThat(text.exit()).as(text.toString()).isEqualTo(KeywardCli.REFUSED);
      assertThat(text.err())
          .contains("Audit log BROKEN at entry " + (signed - 1))
          .contains("0xC0DE0021 KW_E_AUDIT_LOG_TAMPERED")
          .contains("truncated: the log ends at entry " + (signed - 2))
          .doesNotContain("\tat ");

      CliRunner.Result json =
          site.cli.run(
              java.util.stream.Stream.concat(java.util.stream.Stream.of("--json"), args.stream())
                  .toArray(String[]::new));
      assertThat(json.exit()).isEqualTo(KeywardCli.REFUSED);
      Map<String, Object> report = json.json();
      assertThat(report).containsEntry("ok", false).containsEntry("problem", "truncated");
      assertThat(json.errorCode()).contains("0xC0DE0021");
      assertThat(json.error()).containsKeys("name", "message", "remedy");

      CliRunner.Result missing =
          site.cli.run(
              "--json",
              "admin",
              "--authority",
              site.authority.uri().toString(),
              "--token",
              site.authority.adminToken(),
              "audit",
              "verify",
              "--checkpoints",
              dir.resolve("nowhere.jsonl").toString());
      assertThat(missing.exit()).isEqualTo(KeywardCli.REFUSED);
      assertThat(missing.errorCode()).contains("0xC0DE0009");
    }
  }

  /** As the database's owner: drop the append-only triggers, remove the last entries. */
  private static void truncate(Database db, long keep) {
    db.write(
        h -> {
          h.execute("DROP TRIGGER audit_log_no_delete");
          String hash =
              h.createQuery("SELECT hash FROM audit_log WHERE seq = :k")
                  .bind("k", keep)
                  .mapTo(String.class)
                  .one();
          h.createUpdate("DELETE FROM audit_log WHERE seq > :k").bind("k", keep).execute();
          h.createUpdate("UPDATE audit_head SET seq = :k, hash = :h WHERE id = 1")
              .bind("k", keep)
              .bind("h", hash)
              .execute();
          return null;
        });
  }
}
