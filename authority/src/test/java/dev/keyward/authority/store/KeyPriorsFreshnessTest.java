package dev.keyward.authority.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.channel.MachineHardware;
import dev.keyward.core.hardware.HardwareIdentity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite's writer a key's memo stands for its activations without reading them, and only while
 * nothing but the writer's own grants changed them: every other change (another connection's
 * commit, any other statement on the writer's own connection, a rolled-back grant, a grant out of
 * the read's order) is seen by the key's next decision. Each check would fail if the memo were
 * trusted a step too long; the first shows that it is trusted at all.
 */
class KeyPriorsFreshnessTest {
  private static final String KEY = "key-1";
  @TempDir Path dir;
  private Database db;
  private ActivationStore activations;
  // the memos, kept as ActivationService keeps them
  private final Map<String, KeyPriors> memos = new HashMap<>();
  private final ActivationStore.MachineOf machines =
      new ActivationStore.MachineOf() {
        @Override
        public MachineHardware known(String activationId) {
          return null;
        }

        @Override
        public MachineHardware read(String activationId, String components) {
          return machine(components.hashCode());
        }

        @Override
        public KeyPriors lastRead(String keyId) {
          return memos.get(keyId);
        }

        @Override
        public void remember(String keyId, KeyPriors read) {
          memos.put(keyId, read);
        }
      };

  private static MachineHardware machine(long seed) {
    long[] bits = new long[HardwareIdentity.LONGS];
    bits[0] = seed;
    return MachineHardware.of(HardwareIdentity.fromBits(bits, 0));
  }

  @BeforeEach
  void open() {
    db = Database.open(Database.sqliteUrl(dir));
    activations = new Store(db).activations();
    db.write(
        h ->
            h.execute(
                "INSERT INTO product_keys (id, fingerprint, partial_key, encrypted_key,"
                    + " group_number, serial, product, version, edition, channel, blocked,"
                    + " pool_size, pool_used, extension_total, created_at) VALUES (?, ?, 'ABCDE',"
                    + " 'x', 1, 1, 'winserver', '2022', NULL, 'VOLUME_MAK', FALSE, 10, 0, 0, 0)",
                KEY,
                "f".repeat(64)));
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    db.close();
  }

  /** A decision's grant: told to the memo, then stored (the memo may say another issue time). */
  private void grant(String id, long issuedAt, long toldIssuedAt, boolean thenFail) {
    db.write(
        h -> {
          ActivationStore.Priors read = priors(h);
          read.granted(
              new ActivationStore.Prior(id, machine(id.hashCode()), true, true, toldIssuedAt));
          h.execute(
              "INSERT INTO activations (id, key_id, components, cmid, active, spent, issued_at,"
                  + " certificate_id) VALUES (?, ?, ?, 'cmid', TRUE, TRUE, ?, 'cert')",
              id,
              KEY,
              id,
              issuedAt);
          if (thenFail) {
            throw new IllegalStateException("refused after storing");
          }
          return null;
        });
  }

  private ActivationStore.Priors priors(org.jdbi.v3.core.Handle h) {
    return activations.priors(h, KEY, ActivationStore.Rows.ALL, machines);
  }

  private List<ActivationStore.Prior> next() {
    return db.write(this::priors).list();
  }

  private boolean memoFresh() {
    Boolean fresh = db.write(h -> memos.get(KEY).freshFor(db.writerChanges()));
    return fresh;
  }

  private static List<String> states(List<ActivationStore.Prior> list) {
    return list.stream().map(p -> p.id() + (p.active() ? " active" : " released")).toList();
  }

  @Test
  void theWritersOwnGrantsKeepTheMemoAndAnythingElseIsRead() throws Exception {
    grant("act-1", 1_000, 1_000, false);
    grant("act-2", 2_000, 2_001, false); // told another time than stored
    // Trusted: the next decision has the memo's row, not the database's.
    assertThat(next()).extracting(ActivationStore.Prior::issuedAt).containsExactly(1_000L, 2_001L);
    assertThat(memoFresh()).isTrue();

    // Another connection (another process) releases an activation: read again.
    try (Connection other = DriverManager.getConnection(Database.sqliteUrl(dir));
        Statement s = other.createStatement()) {
      s.execute("UPDATE activations SET active = FALSE WHERE id = 'act-1'");
    }
    assertThat(states(next())).containsExactly("act-1 released", "act-2 active");
    assertThat(next()).extracting(ActivationStore.Prior::issuedAt).containsExactly(1_000L, 2_000L);

    // Any statement on the writer's own connection, outside a grant.
    db.write(h -> h.execute("UPDATE activations SET active = TRUE WHERE id = 'act-1'"));
    assertThat(states(next())).containsExactly("act-1 active", "act-2 active");
    db.write(h -> h.execute("DELETE FROM activations WHERE id = 'act-2'"));
    assertThat(states(next())).containsExactly("act-1 active");
  }

  @Test
  void aRolledBackGrantIsNotRemembered() {
    grant("act-1", 1_000, 1_000, false);
    assertThatThrownBy(() -> grant("act-2", 2_000, 2_000, true))
        .hasMessage("refused after storing");
    assertThat(states(next())).containsExactly("act-1 active");
    assertThat(memoFresh()).isTrue(); // read again, so fresh again
    // a refusal that read the key and changed nothing keeps the memo
    assertThatThrownBy(
            () ->
                db.write(
                    h -> {
                      priors(h);
                      throw new IllegalStateException("refused");
                    }))
        .hasMessage("refused");
    assertThat(memoFresh()).isTrue();
  }

  @Test
  void aGrantOutOfTheReadsOrderIsReadAgain() {
    grant("act-2", 2_000, 2_000, false);
    grant("act-1", 1_000, 1_000, false); // the clock was set back
    assertThat(next()).extracting(ActivationStore.Prior::id).containsExactly("act-1", "act-2");
  }

  @Test
  void aGrantOtherThanTheOneToldIsRead() {
    db.write(
        h -> {
          priors(h).granted(new ActivationStore.Prior("act-told", machine(1), true, true, 1_000));
          h.execute(
              "INSERT INTO activations (id, key_id, components, cmid, active, spent, issued_at,"
                  + " certificate_id) VALUES ('act-stored', ?, 'c', 'cmid', TRUE, TRUE, 1000,"
                  + " 'cert')",
              KEY);
          return null;
        });
    assertThat(next()).extracting(ActivationStore.Prior::id).containsExactly("act-stored");
  }

  @Test
  void outsideTheWriterThereIsNothingToTrust() {
    grant("act-1", 1_000, 1_000, false);
    assertThat(db.writerChanges()).isNull();
    assertThat(memos.get(KEY).freshFor(null)).isFalse();
  }
}
