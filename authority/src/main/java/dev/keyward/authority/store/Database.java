package dev.keyward.authority.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyward.authority.startup.StartupException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The authority's database: SQLite (a file in the data directory) or PostgreSQL, with the same
 * Flyway migrations and the same behaviour. Every decision that spends a count runs in one {@link
 * #write} transaction: on SQLite a {@code BEGIN IMMEDIATE} transaction (one writer at a time: this
 * process runs its write transactions one after the other on a writer thread of its own, so they
 * never wait on SQLite's busy timeout; those that waited together share one commit, each in a
 * savepoint of its own: {@link SqliteWriter}), on PostgreSQL a transaction that locks the key row
 * with {@code SELECT … FOR UPDATE} ({@link #forUpdate()}).
 */
public final class Database implements AutoCloseable {
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  // Threads wait for a connection of `pool` here, first come first served, rather than in the
  // pool: HikariCP's waiters spin and yield while connections change hands, which with many more
  // requests than connections (64 clients, 16 connections) cost more CPU than the transactions.
  private final Semaphore connections;
  // [0]: connections this thread holds (0 or 1); [1]: 1 once this thread's write transaction ran
  // its committing statement (runLast).
  private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[2]);
  // SQLite: the writer thread's own connection, so that it never queues behind readers for one.
  private final HikariDataSource writerPool;
  private final Jdbi writerJdbi;
  private final Dialect dialect;
  private final String url;
  // SQLite has one writer. Its transactions run one after the other on one thread, in the order
  // they were asked for, those that waited together committed together (SqliteWriter): no thread
  // hands a lock to the next (a wake-up per transaction, while the database waits), and
  // busy_timeout stays for other processes.
  private final SqliteWriter sqliteWriter;
  // The writer thread's prepared statements, by SQL, and the physical connection they belong to.
  private final Map<String, PreparedStatement> writerStatements = new HashMap<>();
  private Connection writerStatementsOf;

  private Database(
      HikariDataSource pool, HikariDataSource writerPool, Dialect dialect, String url) {
    this.pool = pool;
    this.dialect = dialect;
    this.url = url;
    this.jdbi = Jdbi.create(pool);
    this.connections = new Semaphore(pool.getMaximumPoolSize(), true);
    this.writerPool = writerPool;
    this.writerJdbi = writerPool == null ? jdbi : Jdbi.create(writerPool);
    this.sqliteWriter = dialect == Dialect.SQLITE ? new SqliteWriter(writerJdbi) : null;
  }

  /** The default database: SQLite file {@code keyward.db} in the data directory. */
  public static String sqliteUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.resolve("keyward.db").toAbsolutePath();
  }

  /** How much of the SQLite file is read through a memory map: 1 GiB of address space. */
  public static final long SQLITE_MMAP_BYTES = 1L << 30;

  /**
   * The settings of every connection to an SQLite file (the authority's pool, and the benchmarks'
   * ceiling, which must run the same statements under the same settings to be a ceiling).
   */
  public static Properties sqliteSettings() {
    Properties p = new Properties();
    p.setProperty("journal_mode", "WAL");
    // FULL: a commit is on disk before the client gets its certificate, even on power loss.
    p.setProperty("synchronous", "FULL");
    p.setProperty("busy_timeout", "15000");
    p.setProperty("transaction_mode", "IMMEDIATE");
    p.setProperty("foreign_keys", "true");
    // Pages read from the file through a memory map rather than a pread call each (the writer
    // made two per activation). A larger page cache than the default was tried and is slower:
    // SQLite scans its whole page hash table at each transaction's end.
    p.setProperty("mmap_size", String.valueOf(SQLITE_MMAP_BYTES));
    // The writer's savepoints (one per request of a commit group) keep the pages they change in a
    // sub-journal, by default a temporary file: two writes a page, a fifth of the writer's system
    // calls. In memory instead; it only ever holds one request's pages, and a crash loses nothing
    // the commit had not written (the sub-journal is only for rolling back to a savepoint).
    p.setProperty("temp_store", "MEMORY");
    // The driver's default runs a regular expression on every statement and, after each INSERT, a
    // second query (SELECT last_insert_rowid()) for getGeneratedKeys, which nothing here calls:
    // every row's key is made by the authority. A seventh of the writer's time per activation
    // (JFR, two inserts and three savepoint statements an activation).
    p.setProperty("jdbc.get_generated_keys", "false");
    return p;
  }

  /**
   * Connects, migrates and returns the database.
   *
   * @throws StartupException when the database cannot be reached or migrated, in words
   */
  public static Database open(String url) {
    Dialect dialect;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("keyward");
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    if (url.startsWith("jdbc:sqlite:")) {
      dialect = Dialect.SQLITE;
      config.setDriverClassName("org.sqlite.JDBC");
      config.setDataSourceProperties(sqliteSettings());
      config.setMaximumPoolSize(8);
    } else if (url.startsWith("jdbc:postgresql:")) {
      dialect = Dialect.POSTGRESQL;
      config.setDriverClassName("org.postgresql.Driver");
      // Eight, not sixteen: on two cores (benchmarks/run.sh, three interleaved rounds each) eight
      // connections served 2,160-2,327 activations/s at 0.36-0.38 ms of CPU each against
      // sixteen's 2,089-2,229/s at 0.37-0.41 ms, with a lower p99 in every round. Connections the
      // node cannot keep busy only add server backends contending for the same cores and locks.
      config.setMaximumPoolSize(8);
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    } else {
      throw new StartupException(
          "unsupported database URL '"
              + redact(url)
              + "' (use jdbc:postgresql://HOST/DB or jdbc:sqlite:FILE)");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StartupException(
          "cannot reach the database " + redact(url) + ": " + rootMessage(e), e);
    }
    try {
      EarlierMigrations.accept(pool);
    } catch (SQLException e) {
      pool.close();
      throw new StartupException(
          "cannot read the migrations of " + redact(url) + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          // Shared SQL first; the few statements whose syntax differs live per database.
          .locations(
              "classpath:dev/keyward/authority/db/migration",
              "classpath:dev/keyward/authority/db/"
                  + (dialect == Dialect.SQLITE ? "sqlite" : "postgresql"))
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new StartupException(
          "cannot migrate the database " + redact(url) + ": " + rootMessage(e), e);
    }
    HikariDataSource writerPool = null;
    if (dialect == Dialect.SQLITE) {
      HikariConfig writer = new HikariConfig();
      config.copyStateTo(writer);
      writer.setPoolName("keyward-writer");
      writer.setMaximumPoolSize(1);
      try {
        writerPool = new HikariDataSource(writer);
      } catch (RuntimeException e) {
        pool.close();
        throw new StartupException(
            "cannot reach the database " + redact(url) + ": " + rootMessage(e), e);
      }
    }
    return new Database(pool, writerPool, dialect, url);
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * On SQLite's writer thread, what it knows of changes to activations (for the keys' memos); null
   * elsewhere, and on PostgreSQL, where another node may change a key's activations unseen.
   */
  ActivationChanges writerChanges() {
    return sqliteWriter != null && sqliteWriter.isWriterThread() ? sqliteWriter.changes() : null;
  }

  /** {@code " FOR UPDATE"} on PostgreSQL; nothing on SQLite, whose transaction already excludes. */
  public String forUpdate() {
    return dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
  }

  /**
   * One read-write transaction; an exception rolls it back and is rethrown. PostgreSQL: {@code READ
   * COMMITTED}, the isolation every pooled connection is set to (asking for it again per
   * transaction would cost round trips to the server).
   */
  public <T, X extends Exception> T write(HandleCallback<T, X> work) throws X {
    if (dialect == Dialect.SQLITE) {
      return sqliteWriter.write(work);
    }
    return withConnection(
        () ->
            jdbi.inTransaction(
                h -> {
                  int[] state = held.get();
                  state[1] = 0;
                  T result = work.withHandle(h);
                  if (state[1] == 1) {
                    state[1] = 0;
                    requireNothingAfterCommit(h);
                  }
                  return result;
                }));
  }

  /**
   * Runs the last statement of a {@link #write} transaction. On PostgreSQL the statement carries
   * the transaction's {@code COMMIT}: the two travel in one round trip instead of two, and the
   * driver, seeing the transaction ended, sends nothing when the transaction is committed after the
   * callback. Nothing may run on the handle after it (it would run in a transaction of its own):
   * {@link #write} checks that none did. SQLite runs {@code sql} as it is; its writer commits.
   */
  public <T> T runLast(Handle h, String sql, StatementWork<T> work) {
    if (dialect != Dialect.POSTGRESQL) {
      return run(h, sql, work);
    }
    T result = run(h, sql + "; COMMIT", work);
    held.get()[1] = 1;
    return result;
  }

  /** After {@link #runLast}: a statement run after it began another transaction. */
  private static void requireNothingAfterCommit(Handle h) {
    org.postgresql.core.TransactionState state;
    try {
      state =
          h.getConnection().unwrap(org.postgresql.core.BaseConnection.class).getTransactionState();
    } catch (SQLException e) {
      throw new IllegalStateException("not a PostgreSQL connection", e);
    }
    if (state != org.postgresql.core.TransactionState.IDLE) {
      throw new IllegalStateException(
          "a statement ran after the transaction's committing statement (Database.runLast)");
    }
  }

  /** What runs while a thread holds one of {@link #connections}' permits. */
  @FunctionalInterface
  private interface PoolWork<T, X extends Exception> {
    T run() throws X;
  }

  /** Runs {@code work} once a connection of the pool is free for it (at most one per thread). */
  private <T, X extends Exception> T withConnection(PoolWork<T, X> work) throws X {
    int[] depth = held.get();
    if (depth[0] > 0) {
      // Already holding one (a read inside a transaction): the pool decides, as before.
      return work.run();
    }
    connections.acquireUninterruptibly();
    depth[0]++;
    try {
      return work.run();
    } finally {
      depth[0]--;
      connections.release();
    }
  }

  /**
   * A prepared statement on the handle's connection, for the statements every activation runs;
   * close it after use. On SQLite's writer connection it is prepared once and kept (closing it only
   * clears its parameters): SQLite compiles every statement it is given, and the writer runs them
   * one transaction after the other. PostgreSQL's driver keeps its server-side statements itself.
   */
  public Prepared prepare(Handle h, String sql) throws SQLException {
    if (dialect == Dialect.SQLITE && sqliteWriter.isWriterThread()) {
      Connection physical = h.getConnection().unwrap(Connection.class);
      if (physical != writerStatementsOf) {
        // A new writer connection (the pool replaced the old one): the old statements go with it.
        for (PreparedStatement old : writerStatements.values()) {
          try {
            old.close();
          } catch (SQLException e) {
            // it belonged to a closed connection
          }
        }
        writerStatements.clear();
        writerStatementsOf = physical;
      }
      PreparedStatement ps = writerStatements.get(sql);
      if (ps == null || ps.isClosed()) {
        ps = physical.prepareStatement(sql);
        writerStatements.put(sql, ps);
      }
      return new Prepared(ps, true);
    }
    return new Prepared(h.getConnection().prepareStatement(sql), false);
  }

  /** What a statement of the activation path does with its prepared statement. */
  @FunctionalInterface
  public interface StatementWork<T> {
    T run(PreparedStatement ps) throws SQLException;
  }

  /**
   * Runs one statement of the activation path with plain JDBC on the handle's connection: no Jdbi
   * statement objects (their configuration copies cost more than the statement on SQLite), and on
   * the SQLite writer a statement prepared once ({@link #prepare}).
   */
  public <T> T run(Handle h, String sql, StatementWork<T> work) {
    try (Prepared p = prepare(h, sql)) {
      return work.run(p.statement());
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(
          e.getMessage() + " [statement: " + sql + "]", e, null);
    }
  }

  /** A statement from {@link #prepare}; {@link #close()} closes it unless it is kept. */
  public record Prepared(PreparedStatement statement, boolean kept) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      if (kept) {
        statement.clearParameters();
      } else {
        statement.close();
      }
    }
  }

  /** Reads outside a transaction (autocommit): what a list or a health check needs. */
  public <T, X extends Exception> T read(HandleCallback<T, X> work) throws X {
    return withConnection(() -> jdbi.withHandle(work));
  }

  /**
   * One statement outside a transaction (autocommit) on a pooled connection, with plain JDBC: the
   * activation path's read before its transaction, without a Jdbi handle.
   */
  public <T> T readStatement(String sql, StatementWork<T> work) {
    return withConnection(
        () -> {
          try (Connection c = pool.getConnection();
              PreparedStatement ps = c.prepareStatement(sql)) {
            return work.run(ps);
          } catch (SQLException e) {
            throw new UnableToExecuteStatementException(
                e.getMessage() + " [statement: " + sql + "]", e, null);
          }
        });
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Whether the database answers, for {@code /healthz}. */
  public boolean reachable() {
    try {
      return read((Handle h) -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    } catch (RuntimeException e) {
      return false;
    }
  }

  public String url() {
    return redact(url);
  }

  @Override
  public void close() {
    if (sqliteWriter != null) {
      sqliteWriter.close();
      writerPool.close();
    }
    pool.close();
  }

  /** The URL without a password, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("//[^/@]*:[^/@]*@", "//***@");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && (t instanceof SQLException || message == null)) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
