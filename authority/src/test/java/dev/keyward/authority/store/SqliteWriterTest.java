package dev.keyward.authority.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's writer commits the writes that waited together in one transaction, each in a savepoint
 * of its own: a write that fails leaves nothing behind and takes nothing of the others with it, and
 * every write that returned is on disk for the next connection.
 */
class SqliteWriterTest {
  @TempDir Path dir;

  @Test
  void writesThatWaitTogetherCommitTogetherAndAFailureRollsBackOnlyItself() throws Exception {
    int writers = 48;
    try (Database db = Database.open(Database.sqliteUrl(dir))) {
      db.write(h -> h.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, note TEXT NOT NULL)"));
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      CountDownLatch go = new CountDownLatch(1);
      ConcurrentHashMap<Integer, String> outcomes = new ConcurrentHashMap<>();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        int n = i;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    int written =
                        db.write(
                            h -> {
                              h.execute("INSERT INTO t (n, note) VALUES (?, 'first')", n);
                              h.execute("UPDATE t SET note = 'second' WHERE n = ?", n);
                              if (n % 3 == 0) {
                                throw new IllegalStateException("refused " + n);
                              }
                              return n;
                            });
                    outcomes.put(n, "written " + written);
                  } catch (IllegalStateException e) {
                    outcomes.put(n, e.getMessage());
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();

      List<Integer> expected = new ArrayList<>();
      for (int n = 0; n < writers; n++) {
        assertThat(outcomes.get(n)).isEqualTo(n % 3 == 0 ? "refused " + n : "written " + n);
        if (n % 3 != 0) {
          expected.add(n);
        }
      }
      // Read on another connection: every write that returned is committed, whole.
      List<String> rows =
          db.read(
              h ->
                  h.createQuery("SELECT n || ' ' || note FROM t ORDER BY n")
                      .mapTo(String.class)
                      .list());
      assertThat(rows)
          .containsExactlyElementsOf(expected.stream().map(n -> n + " second").toList());
    }
  }

  @Test
  void aWriteAskedInsideAWriteIsPartOfItsTransaction() {
    try (Database db = Database.open(Database.sqliteUrl(dir))) {
      db.write(h -> h.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)"));
      try {
        db.write(
            h -> {
              h.execute("INSERT INTO t (n) VALUES (1)");
              db.write(inner -> inner.execute("INSERT INTO t (n) VALUES (2)"));
              throw new IllegalStateException("refused");
            });
      } catch (IllegalStateException e) {
        assertThat(e).hasMessage("refused");
      }
      int nested = db.write(h -> db.write(inner -> inner.execute("INSERT INTO t (n) VALUES (3)")));
      assertThat(nested).isEqualTo(1);
      List<Integer> rows =
          db.read(h -> h.createQuery("SELECT n FROM t").mapTo(Integer.class).list());
      assertThat(rows).containsExactly(3);
    }
  }
}
