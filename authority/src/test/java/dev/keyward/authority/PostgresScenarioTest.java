package dev.keyward.authority;

import java.nio.file.Path;

/** The seed scenarios on PostgreSQL. */
class PostgresScenarioTest extends ScenarioTest {
  @Override
  Harness open(Path dir) {
    String url = Postgres.newDatabase();
    return Harness.start(dir, b -> b.allowSimulatedMachines(false).jdbcUrl(url));
  }
}
