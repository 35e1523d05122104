package dev.keyward.benchmarks;

import dev.keyward.authority.store.ActivationStore;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.KeyPriors;
import dev.keyward.authority.store.Store;
import dev.keyward.core.channel.MachineHardware;
import dev.keyward.core.hardware.HardwareIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a multiple activation key's decision costs SQLite's writer to learn the key's activations
 * ({@link ActivationStore#priors}, {@code priors} of them, machines already known): from its memo,
 * still fresh, or read again (the index's rows, each id compared with the memo's). Each decision
 * follows an update of another key's activation: of a column no decision reads ({@code
 * certificate_id}, the memo stays fresh) or of one it does ({@code spent}, set to what it was: the
 * writer's trigger sees a change, and the key's next decision reads). Both pay the same update;
 * their difference is the read. Within one transaction on the writer, as a commit group runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PriorsReadBenchmark {
  private static final int DECISIONS = 200;

  @Param({"20", "200", "2000"})
  public int priors;

  /** {@code memo}: the key's memo is used; {@code read}: the key's activations are read. */
  @Param({"memo", "read"})
  public String source;

  private Path dir;
  private Database db;
  private ActivationStore activations;
  private final Map<String, KeyPriors> memos = new HashMap<>();
  private final Map<String, MachineHardware> machineCache = new HashMap<>();
  private final ActivationStore.MachineOf machines =
      new ActivationStore.MachineOf() {
        @Override
        public MachineHardware known(String activationId) {
          return machineCache.get(activationId);
        }

        @Override
        public MachineHardware read(String activationId, String components) {
          MachineHardware machine = machine(components.hashCode());
          machineCache.put(activationId, machine);
          return machine;
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
  private String update;

  private static MachineHardware machine(long seed) {
    long[] bits = new long[HardwareIdentity.LONGS];
    bits[0] = seed;
    return MachineHardware.of(HardwareIdentity.fromBits(bits, 0));
  }

  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("kw-priors");
    db = Database.open(Database.sqliteUrl(dir));
    activations = new Store(db).activations();
    update =
        source.equals("memo")
            ? "UPDATE activations SET certificate_id = certificate_id WHERE id = 'other-act'"
            : "UPDATE activations SET spent = spent WHERE id = 'other-act'";
    db.write(
        h -> {
          for (String key : new String[] {"mak", "other"}) {
            h.execute(
                "INSERT INTO product_keys (id, fingerprint, partial_key, encrypted_key,"
                    + " group_number, serial, product, version, edition, channel, blocked,"
                    + " pool_size, pool_used, extension_total, created_at) VALUES (?, ?,"
                    + " 'ABCDE', 'x', 1, ?, 'winserver', '2022', NULL, 'VOLUME_MAK', FALSE, ?, ?,"
                    + " 0, 0)",
                key,
                key.repeat(64).substring(0, 64),
                key.length(),
                priors,
                priors);
          }
          insert(h, "other-act", "other", 0);
          for (int i = 0; i < priors; i++) {
            insert(h, String.format("act-%05d", i), "mak", i);
          }
          return null;
        });
  }

  private static void insert(Handle h, String id, String key, long issuedAt) {
    h.execute(
        "INSERT INTO activations (id, key_id, components, cmid, active, spent, issued_at,"
            + " certificate_id) VALUES (?, ?, ?, 'cmid', TRUE, TRUE, ?, 'cert')",
        id,
        key,
        "components of " + id,
        issuedAt);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    db.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(DECISIONS)
  public int decisions() {
    return db.write(
        h -> {
          int seen = 0;
          for (int i = 0; i < DECISIONS; i++) {
            h.execute(update);
            seen += activations.priors(h, "mak", ActivationStore.Rows.ALL, machines).list().size();
          }
          return seen;
        });
  }
}
