package dev.keyward.benchmarks;

import dev.keyward.authority.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * SQLite's own ceiling for activation-shaped transactions: the statements one activation runs (read
 * from {@code Store} and {@code ActivationService}), with the authority's schema (its Flyway
 * migrations) and its connection settings (WAL, {@code synchronous=FULL}, {@code BEGIN IMMEDIATE}),
 * run directly over JDBC by one writer with prepared statements: no HTTP, no JSON, no signing, no
 * pool.
 *
 * <p>The same mix as {@link LoadGenerator}: a new machine on a key chosen like the load chooses
 * them (retail keys and multiple activation keys, a MAK grant also updates the key's pool), and a
 * share of retries (a reissue: the key, its activations and the stored certificate, no write).
 */
public final class SqliteCeiling {
  private SqliteCeiling() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = LoadGenerator.options(args);
    Path dir = Path.of(o.getOrDefault("dir", Files.createTempDirectory("kw-ceiling").toString()));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
    int duration = Integer.parseInt(o.getOrDefault("duration", "10"));
    int retailKeys = Integer.parseInt(o.getOrDefault("retail-keys", "20000"));
    int makKeys = Integer.parseInt(o.getOrDefault("mak-keys", "1000"));
    int makPool = Integer.parseInt(o.getOrDefault("mak-pool", "100"));
    double retries = Double.parseDouble(o.getOrDefault("retries", "0.1"));
    // 1: one commit per activation. More: the authority's group commit (SqliteWriter), this many
    // activations per commit, each in a savepoint of its own.
    int group = Integer.parseInt(o.getOrDefault("group", "1"));
    Files.createDirectories(dir);
    String url = Database.sqliteUrl(dir);
    // The authority's own migrations create the schema.
    Database.open(url).close();

    // the authority's own connection settings
    Properties p = Database.sqliteSettings();
    try (Connection c = DriverManager.getConnection(url, p)) {
      Shape shape = new Shape(retailKeys, makKeys, makPool);
      shape.insertKeys(c);
      c.setAutoCommit(false);
      Statements s = new Statements(c);
      SplittableRandom random = new SplittableRandom(3);
      long start = System.nanoTime();
      long from = start + warmup * 1_000_000_000L;
      long to = from + duration * 1_000_000_000L;
      long[] lat = new long[1 << 20];
      int n = 0;
      long now;
      while ((now = System.nanoTime()) < to) {
        for (int g = 0; g < group; g++) {
          int job = shape.job(random);
          boolean retry = random.nextDouble() < retries && s.lastActivation != null;
          java.sql.Savepoint savepoint = group > 1 ? c.setSavepoint() : null;
          if (retry) {
            s.reissue(shape.keyOf(job));
          } else {
            s.grant(shape.keyOf(job), shape.isMak(job), random);
          }
          if (savepoint != null) {
            c.releaseSavepoint(savepoint);
          }
        }
        c.commit();
        long done = System.nanoTime();
        for (int g = 0; g < group && done >= from && done < to && n < lat.length; g++) {
          lat[n++] = done - now;
        }
      }
      long[] l = Arrays.copyOf(lat, n);
      Arrays.sort(l);
      double rate = n / (duration * 1.0);
      System.out.printf(
          Locale.ROOT,
          "sqlite ceiling: one writer, WAL, synchronous=FULL, %d activation(s) a commit: %d"
              + " activations in %d s, %.0f/s, p50 %.3f ms, p99 %.3f ms%n",
          group,
          n,
          duration,
          rate,
          l[n / 2] / 1e6,
          l[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6);
      System.out.printf(
          Locale.ROOT, "CEILING label=sqlite clients=1 group=%d rate=%.1f%n", group, rate);
    }
  }

  /** The load's keys: retail keys, then multiple activation keys, jobs spread over them. */
  record Shape(int retailKeys, int makKeys, int makPool) {
    int jobs() {
      return retailKeys + makKeys * makPool;
    }

    int job(SplittableRandom random) {
      return random.nextInt(jobs());
    }

    boolean isMak(int job) {
      return job >= retailKeys;
    }

    /** The key's number, 1-based. */
    int keyOf(int job) {
      return 1 + (job < retailKeys ? job : retailKeys + (job - retailKeys) / makPool);
    }

    static String keyId(int k) {
      return "pk-" + k;
    }

    static String fingerprint(int k) {
      return String.format(Locale.ROOT, "%064d", k);
    }

    void insertKeys(Connection c) throws SQLException {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO product_keys (id, fingerprint, partial_key, encrypted_key,"
                  + " group_number, serial, product, version, edition, channel, blocked, pool_size,"
                  + " pool_used, extension_total, created_at) VALUES (?, ?, 'ABCDE', ?, ?, ?,"
                  + " 'winserver', '2022', 'ServerStandard', ?, FALSE, ?, 0, 0, 0)")) {
        String sealed = "v1:" + "A".repeat(64);
        for (int k = 1; k <= retailKeys + makKeys; k++) {
          boolean mak = k > retailKeys;
          ps.setString(1, keyId(k));
          ps.setString(2, fingerprint(k));
          ps.setString(3, sealed);
          ps.setInt(4, mak ? 2013 : 2011);
          ps.setLong(5, k);
          ps.setString(6, mak ? "VOLUME_MAK" : "RETAIL");
          ps.setInt(7, mak ? makPool : 0);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  /** The statements of Store, prepared once. */
  static final class Statements {
    static final String COMPONENTS =
        "{\"baseboard\":\"%1$s\",\"controller\":\"%1$s\",\"cpu\":\"%1$s\",\"disk\":\"%1$s\","
            + "\"display\":\"%1$s\",\"nic\":\"%1$s\",\"ram\":\"%1$s\",\"serial\":\"%1$s\","
            + "\"uuid\":\"%1$s\",\"volume\":\"%1$s\"}";
    // A signed certificate as the authority stores it is about 900 characters.
    static final String CERTIFICATE = "{\"certificate\":" + "x".repeat(800) + "}";

    final PreparedStatement key;
    final PreparedStatement activations;
    final PreparedStatement insertActivation;
    final PreparedStatement insertCertificate;
    final PreparedStatement updateStanding;
    final PreparedStatement certificate;
    final PreparedStatement links;
    String lastActivation;
    long ids;

    Statements(Connection c) throws SQLException {
      key =
          c.prepareStatement(
              "SELECT id, fingerprint, partial_key, encrypted_key, group_number, serial, product,"
                  + " version, edition, channel, blocked, pool_size, pool_used, extension_total,"
                  + " created_at FROM product_keys WHERE fingerprint = ?");
      activations =
          c.prepareStatement(
              "SELECT id, active, spent, issued_at FROM activations"
                  + " WHERE key_id = ? AND (active = TRUE OR spent = TRUE) ORDER BY issued_at, id");
      insertActivation =
          c.prepareStatement(
              "INSERT INTO activations (id, key_id, components, cmid, active, spent, issued_at,"
                  + " released_at, release_reason, certificate_id) VALUES (?, ?, ?, ?, ?, ?, ?,"
                  + " NULL, NULL, ?)");
      insertCertificate =
          c.prepareStatement(
              "INSERT INTO certificates (id, activation_id, issued_at, signed) VALUES (?, ?, ?, ?)");
      updateStanding =
          c.prepareStatement(
              "UPDATE product_keys SET blocked = ?, pool_size = ?, pool_used = ?,"
                  + " extension_total = ? WHERE id = ?");
      certificate =
          c.prepareStatement(
              "SELECT c.id, c.activation_id, c.signed FROM activations a"
                  + " JOIN certificates c ON c.id = a.certificate_id WHERE a.id = ?");
      links =
          c.prepareStatement(
              "SELECT key_id, original_id, version, created_at FROM key_downgrades"
                  + " WHERE key_id = ? OR original_id = ? ORDER BY created_at, key_id");
    }

    /** Reads the key and its activations; returns pool_used. */
    int read(int k) throws SQLException {
      int used;
      key.setString(1, Shape.fingerprint(k));
      try (ResultSet rs = key.executeQuery()) {
        rs.next();
        used = rs.getInt("pool_used");
      }
      activations.setString(1, Shape.keyId(k));
      try (ResultSet rs = activations.executeQuery()) {
        // components are read once per activation by the authority (ActivationStore.priors)
        while (rs.next()) {
          rs.getString("id");
        }
      }
      // The key's downgrade links (DowngradeStore.around): none here, as in the load.
      links.setString(1, Shape.keyId(k));
      links.setString(2, Shape.keyId(k));
      try (ResultSet rs = links.executeQuery()) {
        while (rs.next()) {
          rs.getString("key_id");
        }
      }
      return used;
    }

    void grant(int k, boolean mak, SplittableRandom random) throws SQLException {
      int used = read(k);
      long id = ++ids;
      String activation = "act-" + id;
      String cert = "cert-" + id;
      long now = System.currentTimeMillis();
      insertActivation.setString(1, activation);
      insertActivation.setString(2, Shape.keyId(k));
      insertActivation.setString(3, String.format(COMPONENTS, Fixtures.hex(random, 16)));
      insertActivation.setString(4, "6f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f");
      insertActivation.setBoolean(5, true);
      insertActivation.setBoolean(6, mak);
      insertActivation.setLong(7, now);
      insertActivation.setString(8, cert);
      insertActivation.executeUpdate();
      insertCertificate.setString(1, cert);
      insertCertificate.setString(2, activation);
      insertCertificate.setLong(3, now);
      insertCertificate.setString(4, CERTIFICATE);
      insertCertificate.executeUpdate();
      if (mak) {
        updateStanding.setBoolean(1, false);
        updateStanding.setInt(2, 100);
        updateStanding.setInt(3, used + 1);
        updateStanding.setInt(4, 0);
        updateStanding.setString(5, Shape.keyId(k));
        updateStanding.executeUpdate();
      }
      lastActivation = activation;
    }

    void reissue(int k) throws SQLException {
      read(k);
      certificate.setString(1, lastActivation);
      try (ResultSet rs = certificate.executeQuery()) {
        rs.next();
        rs.getString("signed");
      }
    }
  }
}
