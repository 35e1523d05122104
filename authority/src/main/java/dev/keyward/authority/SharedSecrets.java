package dev.keyward.authority;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.authority.crypto.KeyCipher;
import dev.keyward.authority.startup.StartupException;
import dev.keyward.authority.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets every authority node of one database shares (docs/scale-out.md): the data directory's
 * {@code secrets/} files (authority-tag, fingerprint and key-encryption secrets, signing keys,
 * phone keys) and its {@code admin-token}, kept in the database as one row sealed under the {@link
 * MasterKey} (AES-256-GCM).
 *
 * <p>The first node to start with a master key stores them: under a transaction-scoped advisory
 * lock on PostgreSQL (SQLite's write transaction already excludes), it finds no row, creates the
 * secrets in its data directory as a single node would (or takes the ones already there: a single
 * node becoming the first of several) and inserts the sealed row before the lock is released. A
 * node starting at the same moment waits on the lock and then finds the row. Every other node
 * writes the database's secrets into its data directory before it opens it, so no node ever signs
 * with a key of its own.
 */
final class SharedSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(SharedSecrets.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String ROW = "data-directory";
  // The advisory lock's id: "KWSECRET" in ASCII.
  private static final long LOCK_ID = 0x4B57_5345_4352_4554L;
  // Associated data of the seal: a row copied under another name does not open.
  private static final String AAD = "keyward-shared-secrets-v1:" + ROW;
  private static final String ADMIN_TOKEN = "admin-token";
  private static final String SECRETS = "secrets";

  private SharedSecrets() {}

  /** Whether this start stored the secrets or took them from the database. */
  enum Outcome {
    STORED,
    TAKEN
  }

  /**
   * Makes the data directory's secrets the database's: stores them if the database has none yet,
   * otherwise writes the stored ones into the directory (setting different ones aside as {@code
   * secrets.replaced-MILLIS}).
   *
   * @throws StartupException with code 0xC0DE0059 when the master key does not open the row
   */
  static Outcome synchronise(Database db, MasterKey key, Path root, long now) {
    KeyCipher cipher = key.cipher();
    record Found(String sealed, boolean stored) {}
    Found found =
        db.write(
            h -> {
              lock(db, h);
              Optional<String> sealed = stored(h);
              if (sealed.isPresent()) {
                return new Found(sealed.get(), false);
              }
              DataDirectory.open(root); // creates what is missing, as on a single node
              String s = cipher.encrypt(read(root), AAD);
              h.createUpdate(
                      "INSERT INTO shared_secrets (name, sealed, created_at) VALUES (:n, :s, :t)")
                  .bind("n", ROW)
                  .bind("s", s)
                  .bind("t", now)
                  .execute();
              return new Found(s, true);
            });
    if (found.stored()) {
      LOG.info("stored this data directory's secrets in the database, sealed with {}", key);
      return Outcome.STORED;
    }
    String bundle;
    try {
      bundle = cipher.decrypt(found.sealed(), AAD);
    } catch (IllegalArgumentException e) {
      throw MasterKey.unusable(
          key.source() + " does not open the shared secrets stored in the database");
    }
    write(root, bundle, now);
    return Outcome.TAKEN;
  }

  /**
   * Without a master key: refuses a database whose secrets are shared, so that no node starts with
   * secrets of its own beside nodes that share them.
   */
  static void requireNotShared(Database db) {
    if (db.read(SharedSecrets::stored).isPresent()) {
      throw MasterKey.unusable(
          "the database holds the secrets shared by several authority nodes and no master key was"
              + " given (--master-key-file, KEYWARD_MASTER_KEY_FILE or KEYWARD_MASTER_KEY)");
    }
  }

  private static Optional<String> stored(Handle h) {
    return h.createQuery("SELECT sealed FROM shared_secrets WHERE name = :n")
        .bind("n", ROW)
        .mapTo(String.class)
        .findOne();
  }

  private static void lock(Database db, Handle h) {
    if (db.dialect() == Database.Dialect.POSTGRESQL) {
      h.createQuery("SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(:id)) l")
          .bind("id", LOCK_ID)
          .mapTo(Long.class)
          .one();
    }
  }

  /** {relative path: content} of every secret file and the admin token, as JSON. */
  static String read(Path root) {
    try {
      return JSON.writeValueAsString(files(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> files(Path root) {
    Map<String, String> files = new TreeMap<>();
    try {
      Path token = root.resolve(ADMIN_TOKEN);
      if (Files.isRegularFile(token)) {
        files.put(ADMIN_TOKEN, Files.readString(token, StandardCharsets.UTF_8));
      }
      Path secrets = root.resolve(SECRETS);
      if (Files.isDirectory(secrets)) {
        try (Stream<Path> all = Files.walk(secrets)) {
          for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
            if (f.getFileName().toString().startsWith(".")) {
              continue; // a temporary file of an atomic write
            }
            String rel =
                root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
            files.put(rel, Files.readString(f, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void write(Path root, String bundle, long now) {
    Map<String, String> wanted;
    try {
      wanted = JSON.readValue(bundle, new TypeReference<TreeMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new StartupException("the shared secrets in the database are damaged", e);
    }
    try {
      DataDirectory.createPrivateDirectory(root);
      Map<String, String> present = files(root);
      if (present.equals(wanted)) {
        return;
      }
      if (!present.isEmpty()) {
        // Secrets of this node's own (a copy made before it joined): kept aside, never used.
        LOG.warn(
            "{}: secrets differ from the database's shared ones; set aside as *.replaced-{}",
            root,
            now);
        for (String name : new String[] {SECRETS, ADMIN_TOKEN}) {
          Path p = root.resolve(name);
          if (Files.exists(p)) {
            Files.move(p, root.resolve(name + ".replaced-" + now));
          }
        }
      }
      for (Map.Entry<String, String> e : wanted.entrySet()) {
        Path target = root.resolve(e.getKey()).normalize();
        if (!target.startsWith(root)) {
          throw new StartupException("the shared secrets name a file outside the data directory");
        }
        Path dir = root;
        for (Path part : root.relativize(target.getParent())) {
          dir = dir.resolve(part.toString());
          DataDirectory.createPrivateDirectory(dir); // owner-only, each level
        }
        DataDirectory.writePrivate(target, e.getValue());
      }
    } catch (IOException e) {
      throw new StartupException(
          "cannot write the shared secrets into the data directory " + root + ": " + e, e);
    }
  }
}
