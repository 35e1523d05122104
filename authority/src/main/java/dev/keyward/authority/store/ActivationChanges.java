package dev.keyward.authority.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.Function;

/**
 * What SQLite's writer knows of changes to the activations table, so that a key's memo ({@link
 * KeyPriors}) may stand for its activations without reading them again: a multiple activation key's
 * decision read up to a pool's size of rows, a fifth of the writer's time per activation (JFR).
 *
 * <p>An epoch, which moves on whenever a memo might no longer hold what the database holds; a memo
 * made or checked at one epoch is used without a read only at that same epoch. The epoch moves on
 * when:
 *
 * <ul>
 *   <li>another connection (another process, or this one's readers) committed anything: SQLite's
 *       {@code PRAGMA data_version}, read at the start of each of the writer's transactions, once
 *       it holds the write lock;
 *   <li>the writer's own connection changed an activation row, except by inserting the grant a
 *       decision had announced (and appended to its key's memo): temporary triggers on that
 *       connection call back here, so no statement anywhere in the code can change activations
 *       unseen;
 *   <li>a request that announced or changed anything was rolled back, a transaction failed, or the
 *       writer's connection is new.
 * </ul>
 *
 * Moving on costs each key one read, as before memos were trusted. Writer thread only, except that
 * a moved epoch is visible to all (a connection that left the writer still carries its triggers).
 */
final class ActivationChanges {
  private static final String FUNCTION = "keyward_activation_changed";

  private static final String[] TRIGGERS = {
    "CREATE TEMP TRIGGER IF NOT EXISTS keyward_activation_inserted AFTER INSERT ON main.activations"
        + " BEGIN SELECT "
        + FUNCTION
        + "(NEW.id); END",
    "CREATE TEMP TRIGGER IF NOT EXISTS keyward_activation_updated AFTER UPDATE OF id, key_id,"
        + " components, active, spent, issued_at ON main.activations BEGIN SELECT "
        + FUNCTION
        + "(NULL); END",
    "CREATE TEMP TRIGGER IF NOT EXISTS keyward_activation_deleted AFTER DELETE ON main.activations"
        + " BEGIN SELECT "
        + FUNCTION
        + "(NULL); END"
  };

  private final AtomicLong epoch = new AtomicLong();
  private String announced;
  private boolean requestChanged;
  private Connection watched;
  private PreparedStatement dataVersion;
  private long lastDataVersion;

  long epoch() {
    return epoch.get();
  }

  private void moveOn() {
    epoch.incrementAndGet();
  }

  /** The request now running will insert activation {@code id}, already in its key's memo. */
  void announce(String id) {
    announced = id;
    requestChanged = true;
  }

  /** From the triggers: {@code insertedId} for an insert, null for an update or a delete. */
  private void changed(String insertedId) {
    requestChanged = true;
    if (insertedId != null && insertedId.equals(announced)) {
      announced = null; // the grant its memo already holds
      return;
    }
    moveOn();
  }

  /**
   * Installs the function and triggers on the writer's physical connection, once per connection. A
   * new connection starts a new epoch: nothing is known of what happened before it.
   */
  void watch(Connection physical) throws SQLException {
    if (physical == watched) {
      return;
    }
    moveOn();
    Function.create(
        physical,
        FUNCTION,
        new Function() {
          @Override
          protected void xFunc() throws SQLException {
            changed(value_text(0));
            result();
          }
        },
        1,
        0);
    try (Statement s = physical.createStatement()) {
      for (String trigger : TRIGGERS) {
        s.execute(trigger);
      }
    }
    if (dataVersion != null) {
      try {
        dataVersion.close();
      } catch (SQLException e) {
        // it belonged to a closed connection
      }
    }
    dataVersion = physical.prepareStatement("PRAGMA data_version");
    lastDataVersion = dataVersion();
    watched = physical;
  }

  /** At a transaction's start, write lock held: moves on if another connection committed. */
  void transactionStarts() throws SQLException {
    long now = dataVersion();
    if (now != lastDataVersion) {
      lastDataVersion = now;
      moveOn();
    }
  }

  private long dataVersion() throws SQLException {
    try (ResultSet rs = dataVersion.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  void requestStarts() {
    announced = null;
    requestChanged = false;
  }

  /** A request's work is kept: a grant it announced but did not insert leaves the memo wrong. */
  void requestDone() {
    if (announced != null) {
      moveOn();
    }
  }

  /** A request's savepoint was rolled back: what it announced or changed is undone. */
  void requestRolledBack() {
    if (requestChanged) {
      moveOn();
    }
  }

  /** A transaction failed or the connection was given up. */
  void forgetAll() {
    moveOn();
    watched = null;
  }
}
