package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.authority.store.Database;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link Database#runLast} on PostgreSQL: the transaction's last statement carries its commit. What
 * the transaction wrote is committed with it or not at all, and a statement run after it is refused
 * rather than silently committed in a transaction of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRunLastTest {
  private Database db;

  @BeforeAll
  void open() {
    db = Database.open(Postgres.newDatabase());
    db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)"));
  }

  @AfterAll
  void close() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.jdbi().useHandle(h -> h.execute("DELETE FROM t"));
  }

  private List<Integer> rows() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT n FROM t ORDER BY n").mapTo(Integer.class).list());
  }

  private Integer insertLast(org.jdbi.v3.core.Handle h, int n) {
    return db.runLast(
        h,
        "INSERT INTO t (n) VALUES (?)",
        ps -> {
          ps.setInt(1, n);
          return ps.executeUpdate();
        });
  }

  @Test
  void theLastStatementCommitsTheWholeTransaction() {
    db.write(
        h -> {
          h.execute("INSERT INTO t (n) VALUES (1)");
          return insertLast(h, 2);
        });
    assertThat(rows()).containsExactly(1, 2);
  }

  @Test
  void aFailingLastStatementLeavesNothingOfTheTransaction() {
    db.write(h -> insertLast(h, 5));
    assertThatThrownBy(
            () ->
                db.write(
                    h -> {
                      h.execute("INSERT INTO t (n) VALUES (6)");
                      return insertLast(h, 5); // duplicate key: the commit never runs
                    }))
        .isInstanceOf(UnableToExecuteStatementException.class);
    assertThat(rows()).containsExactly(5);
    // the connection went back to the pool usable, outside any transaction
    db.write(h -> insertLast(h, 7));
    assertThat(rows()).containsExactly(5, 7);
  }

  @Test
  void aStatementAfterTheLastIsRefusedAndNotCommitted() {
    assertThatThrownBy(
            () ->
                db.write(
                    h -> {
                      insertLast(h, 1);
                      return h.execute("INSERT INTO t (n) VALUES (2)");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the transaction's committing statement");
    assertThat(rows()).containsExactly(1);
  }
}
