package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The seed scenarios on PostgreSQL. */
class PostgresScenarioTest extends ScenarioTest {
  @Override
  Harness open(Path dir) {
    String url = Postgres.newDatabase();
    return Harness.start(dir, b -> b.allowSimulatedMachines(false).jdbcUrl(url));
  }

  @Test
  void theAuditLogIsAppendOnlyHereToo() {
    h.issue("2022", "ServerStandard", "RETAIL", null);
    assertThatThrownBy(
            () ->
                h.server
                    .database()
                    .write(x -> x.createUpdate("UPDATE audit_log SET actor = 'x'").execute()))
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(
            () -> h.server.database().write(x -> x.createUpdate("DELETE FROM audit_log").execute()))
        .hasStackTraceContaining("append-only");
  }
}
