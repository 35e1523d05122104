package dev.keyward.authority.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite's one writer, with group commit. SQLite lets one transaction write at a time, so this
 * process runs its write transactions on one thread of its own, in the order they were asked for.
 * The requests that arrived while the previous group was being written go together into the next
 * transaction, each inside a savepoint of its own: each request's statements still all apply or
 * none do (a refusal or an error rolls back to its savepoint and touches no other request), and one
 * commit, one {@code fsync} with {@code synchronous=FULL}, then covers the whole group. Nobody is
 * answered before that commit: a request whose work succeeded but whose group failed to commit gets
 * the commit's error, and nothing of it is on disk.
 *
 * <p>With one request waiting this is exactly one transaction per request, as before; under load
 * the commits (the disk's time) are shared instead of queued. Requests that arrive while a group
 * runs join it before its commit (up to {@link #MAX_GROUP}): at moderate load, where groups are
 * small, the commit's cost (its log pages, its {@code fsync}, half the writer's time) is what a
 * request pays most. The group's first requests then wait for the joiners' work (at most {@link
 * #MAX_GROUP} requests in all) instead of for the next group's commit.
 */
final class SqliteWriter implements AutoCloseable {
  /** At most this many requests share one commit (a bound on how long a transaction runs). */
  static final int MAX_GROUP = 64;

  private final Jdbi jdbi;
  private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;
  // The writer thread's open transaction, for a write asked from inside a write.
  private Handle current;
  // The writer thread's handle (handle()).
  private Handle handle;
  // The writer connection's savepoint statements (prepareSavepoints).
  private Connection savepointsOf;
  private PreparedStatement savepoint;
  private PreparedStatement release;
  private PreparedStatement rollbackTo;
  // What its transactions changed in activations, for the keys' memos (KeyPriors).
  private final ActivationChanges changes = new ActivationChanges();

  SqliteWriter(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.thread = new Thread(this::loop, "keyward-sqlite-writer");
    thread.setDaemon(true);
    thread.start();
  }

  boolean isWriterThread() {
    return Thread.currentThread() == thread;
  }

  /** What the writer knows of changes to activations (its own thread only). */
  ActivationChanges changes() {
    return changes;
  }

  /** One request's work and, once its group has committed (or failed), its outcome. */
  private static final class Task<T> {
    final HandleCallback<T, ?> work;
    final CountDownLatch done = new CountDownLatch(1);
    T result;
    Throwable failure;

    Task(HandleCallback<T, ?> work) {
      this.work = work;
    }

    void run(Handle h) throws Exception {
      result = work.withHandle(h);
    }
  }

  /** Runs {@code work} in a transaction on the writer thread and waits for its commit. */
  @SuppressWarnings("unchecked")
  <T, X extends Exception> T write(HandleCallback<T, X> work) throws X {
    if (isWriterThread() && current != null) {
      // Already inside a write on this thread: part of the same transaction.
      return work.withHandle(current);
    }
    Task<T> task = new Task<>(work);
    synchronized (queue) {
      if (closed) {
        throw new IllegalStateException("the database is closed");
      }
      queue.add(task);
    }
    boolean interrupted = false;
    while (true) {
      try {
        // The transaction runs to its end either way: wait for its outcome.
        task.done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable failure = task.failure;
    if (failure == null) {
      return task.result;
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    throw (X) failure;
  }

  private void loop() {
    List<Task<?>> group = new ArrayList<>(MAX_GROUP);
    while (true) {
      Task<?> first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        first = null;
      }
      if (first == null) {
        synchronized (queue) {
          if (closed && queue.isEmpty()) {
            closeHandle();
            return; // nothing can be added any more
          }
        }
        continue;
      }
      group.add(first);
      queue.drainTo(group, MAX_GROUP - 1);
      runGroup(group);
      group.clear();
    }
  }

  /**
   * The writer's handle, kept open from one group to the next (opening one per group cost a quarter
   * of the writer's own time at moderate load, where groups are small); closed and opened again
   * after a failed transaction, since its connection may be the cause.
   */
  private Handle handle() {
    if (handle == null) {
      handle = jdbi.open();
    }
    return handle;
  }

  private void closeHandle() {
    if (handle != null) {
      try {
        handle.close();
      } catch (RuntimeException e) {
        // the connection is gone already
      }
      handle = null;
    }
  }

  /** One transaction for the group, a savepoint per request, one commit, then the answers. */
  private void runGroup(List<Task<?>> group) {
    try {
      Handle h = handle();
      current = h;
      try {
        h.begin();
        changes.watch(prepareSavepoints(h.getConnection()));
        changes.transactionStarts();
        for (int i = 0; i < group.size(); i++) {
          Task<?> task = group.get(i);
          changes.requestStarts();
          savepoint.execute();
          try {
            task.run(h);
            release.execute();
            changes.requestDone();
          } catch (Exception | Error e) {
            task.failure = e;
            rollbackTo.execute();
            release.execute();
            changes.requestRolledBack();
          }
          if (i == group.size() - 1 && group.size() < MAX_GROUP) {
            // Those that arrived while the group ran join it: one commit instead of two.
            queue.drainTo(group, MAX_GROUP - group.size());
          }
        }
        h.commit();
      } catch (SQLException | RuntimeException | Error e) {
        // The transaction itself failed (begin, a savepoint, the commit): nothing of the group is
        // on disk, so no request of it may be answered as done.
        rollbackQuietly(h);
        closeHandle();
        changes.forgetAll();
        for (Task<?> task : group) {
          if (task.failure == null) {
            task.failure = e;
          }
        }
      } finally {
        current = null;
      }
    } catch (RuntimeException | Error e) {
      // No connection (the handle did not open): the same for every request.
      closeHandle();
      changes.forgetAll();
      for (Task<?> task : group) {
        if (task.failure == null) {
          task.failure = e;
        }
      }
    } finally {
      for (Task<?> task : group) {
        task.done.countDown();
      }
    }
  }

  /**
   * Prepares the savepoint statements once per connection of the writer (its physical one: the
   * pool's proxy closes statements with each use): the driver's own savepoint calls format a name
   * and compile a statement each time, two or three per request. The savepoints are never nested,
   * so one name serves. Returns the physical connection.
   */
  private Connection prepareSavepoints(Connection c) throws SQLException {
    Connection physical = c.unwrap(Connection.class);
    if (physical == savepointsOf && !savepoint.isClosed()) {
      return physical;
    }
    if (savepointsOf != null) {
      for (PreparedStatement old : new PreparedStatement[] {savepoint, release, rollbackTo}) {
        try {
          old.close();
        } catch (SQLException e) {
          // it belonged to a closed connection
        }
      }
    }
    savepoint = physical.prepareStatement("SAVEPOINT keyward_request");
    release = physical.prepareStatement("RELEASE keyward_request");
    rollbackTo = physical.prepareStatement("ROLLBACK TO keyward_request");
    savepointsOf = physical;
    return physical;
  }

  private static void rollbackQuietly(Handle h) {
    try {
      if (h.isInTransaction()) {
        h.rollback();
      }
    } catch (RuntimeException e) {
      // the connection is gone with the transaction
    }
  }

  /** Writes what was asked before, then stops (waits up to 15 s). */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
