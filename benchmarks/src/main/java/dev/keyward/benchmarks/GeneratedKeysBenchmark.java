package dev.keyward.benchmarks;

import dev.keyward.authority.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One activation row inserted by a prepared statement on a connection with the authority's SQLite
 * settings ({@link Database#sqliteSettings}), with the driver's generated-key retrieval as the
 * authority now has it ({@code false}) and as the driver's default had it ({@code true}: a regular
 * expression on the statement and a {@code SELECT last_insert_rowid()} after it). In one open
 * transaction, rolled back at the end of each iteration, as the writer's commit groups run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeneratedKeysBenchmark {
  @Param({"false", "true"})
  public boolean generatedKeys;

  private Path dir;
  private Connection connection;
  private PreparedStatement insert;
  private long next;

  @Setup(Level.Trial)
  public void setup() throws IOException, SQLException {
    dir = Files.createTempDirectory("kw-insert");
    String url = Database.sqliteUrl(dir);
    Database.open(url).close(); // the authority's schema
    Properties settings = Database.sqliteSettings();
    settings.setProperty("jdbc.get_generated_keys", String.valueOf(generatedKeys));
    connection = DriverManager.getConnection(url, settings);
    try (PreparedStatement key =
        connection.prepareStatement(
            "INSERT INTO product_keys (id, fingerprint, partial_key, encrypted_key, group_number,"
                + " serial, product, version, edition, channel, blocked, pool_size, pool_used,"
                + " extension_total, created_at) VALUES ('key', ?, 'ABCDE', 'x', 1, 1,"
                + " 'winserver', '2022', NULL, 'VOLUME_MAK', FALSE, 10, 0, 0, 0)")) {
      key.setString(1, "f".repeat(64));
      key.executeUpdate();
    }
    connection.setAutoCommit(false);
    insert =
        connection.prepareStatement(
            "INSERT INTO activations (id, key_id, components, cmid, active, spent, issued_at,"
                + " certificate_id) VALUES (?, 'key', ?, 'cmid', TRUE, TRUE, ?, 'cert')");
  }

  @TearDown(Level.Iteration)
  public void rollBack() throws SQLException {
    connection.rollback();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException, SQLException {
    connection.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public int insertActivation() throws SQLException {
    long n = next++;
    insert.setString(1, "act-" + n);
    insert.setString(2, "{\"components\":" + n + "}");
    insert.setLong(3, n);
    return insert.executeUpdate();
  }
}
