package dev.keyward.authority;

import dev.keyward.authority.crypto.CertificateSigner;
import dev.keyward.authority.startup.StartupException;
import dev.keyward.core.catalog.TrustDocument;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The authority's data directory and the secrets it creates there on first start, each readable by
 * its owner only (docs/configuration.md):
 *
 * <pre>
 * admin-token                       the admin bearer token (the database keeps only its hash)
 * trust.json                        public: the certificate-signing keys clients trust
 * authority.url                     the URL the running authority listens on
 * secrets/authority-tag.secret      HMAC secret of the authority tag in every key
 * secrets/fingerprint.secret        HMAC secret of the key fingerprints in the database
 * secrets/key-encryption.key        AES-256 key of the encrypted key copies
 * secrets/signing-keys/ID.ed25519   Ed25519 private keys; "active" names the one that signs
 * secrets/phone-keys/N.p256         P-256 keys of confirmation IDs (phone activation); "active"
 *                                   names the index that signs ({@link PhoneKeys})
 * </pre>
 */
public final class DataDirectory {
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final int SECRET_BYTES = 32;

  private final Path root;
  private final SecureRandom random;
  private final byte[] tagSecret;
  private final byte[] fingerprintSecret;
  private final byte[] keyEncryptionKey;
  private final CertificateSigner signer;
  private final List<TrustedKey> trustedKeys;
  private final PhoneKeys phoneKeys;
  private final String adminToken;

  private DataDirectory(Path root, SecureRandom random) throws IOException {
    this.root = root;
    this.random = random;
    Path secrets = root.resolve("secrets");
    createPrivateDirectory(root);
    createPrivateDirectory(secrets);
    this.tagSecret = secret(secrets.resolve("authority-tag.secret"));
    this.fingerprintSecret = secret(secrets.resolve("fingerprint.secret"));
    this.keyEncryptionKey = secret(secrets.resolve("key-encryption.key"));
    Path signing = secrets.resolve("signing-keys");
    createPrivateDirectory(signing);
    if (!Files.exists(signing.resolve("active"))) {
      newSigningKey(signing, random);
    }
    String active = Files.readString(signing.resolve("active"), StandardCharsets.US_ASCII).strip();
    List<TrustedKey> keys = new ArrayList<>();
    CertificateSigner activeSigner = null;
    try (Stream<Path> files = Files.list(signing)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".ed25519")) {
          continue;
        }
        CertificateSigner s = new CertificateSigner(decode(file));
        keys.add(s.publicKey());
        if (s.keyId().equals(active)) {
          activeSigner = s;
        }
      }
    }
    if (activeSigner == null) {
      throw new StartupException(
          signing.resolve("active") + " names signing key '" + active + "', which is not there");
    }
    this.signer = activeSigner;
    // The active key first: what clients pick when they take just one.
    keys.sort((a, b) -> Boolean.compare(!a.id().equals(active), !b.id().equals(active)));
    this.trustedKeys = List.copyOf(keys);
    this.phoneKeys = PhoneKeys.open(secrets.resolve("phone-keys"), random);
    writePublic(root.resolve("trust.json"), trustJson(trustedKeys, phoneKeys.trusted()) + "\n");
    Path tokenFile = root.resolve("admin-token");
    if (!Files.exists(tokenFile)) {
      byte[] bytes = new byte[SECRET_BYTES];
      random.nextBytes(bytes);
      writePrivate(
          tokenFile, "kwa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
    }
    this.adminToken = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
    if (adminToken.length() < 16) {
      throw new StartupException(
          tokenFile + " holds no usable token (delete it to make a new one)");
    }
  }

  /**
   * Opens the data directory, creating it and every missing secret.
   *
   * @throws StartupException when it cannot be created or read
   */
  public static DataDirectory open(Path root) {
    try {
      return new DataDirectory(root.toAbsolutePath(), new SecureRandom());
    } catch (IOException e) {
      throw new StartupException("cannot use the data directory " + root + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new StartupException(
          "a secret in " + root.resolve("secrets") + " is damaged: " + e.getMessage(), e);
    }
  }

  /**
   * Creates the directory itself, owner-only, without any secret (they come from the database).
   *
   * @throws StartupException when it cannot be created
   */
  static void createRoot(Path root) {
    try {
      createPrivateDirectory(root);
    } catch (IOException e) {
      throw new StartupException("cannot use the data directory " + root + ": " + e, e);
    }
  }

  /**
   * Makes a new signing key the active one; the old keys stay trusted (certificates name the key
   * that signed them). Takes effect at the next start.
   *
   * @return the new key's id
   */
  public static String rotateSigningKey(Path root) throws IOException {
    Path signing = root.resolve("secrets").resolve("signing-keys");
    createPrivateDirectory(root);
    createPrivateDirectory(root.resolve("secrets"));
    createPrivateDirectory(signing);
    return newSigningKey(signing, new SecureRandom());
  }

  private static String newSigningKey(Path signing, SecureRandom random) throws IOException {
    byte[] seed = new byte[SECRET_BYTES];
    random.nextBytes(seed);
    CertificateSigner s = new CertificateSigner(seed);
    writePrivate(
        signing.resolve(s.keyId() + ".ed25519"), Base64.getEncoder().encodeToString(seed) + "\n");
    writePrivate(signing.resolve("active"), s.keyId() + "\n");
    return s.keyId();
  }

  /** {"keys": [{"id", "ed25519"}]}: the content of trust.json and of GET /v1/trust. */
  public static String trustJson(List<TrustedKey> keys) {
    return trustJson(keys, List.of());
  }

  /**
   * {"keys": [{"id", "ed25519"}], "phoneKeys": [{"index", "p256"}]}: the content of trust.json and
   * of GET /v1/trust. Readers that know only "keys" still read it.
   */
  public static String trustJson(List<TrustedKey> keys, List<TrustedPhoneKey> phoneKeys) {
    return TrustDocument.write(keys, phoneKeys);
  }

  /**
   * Makes a new phone activation key the active one; the old ones stay trusted (confirmation IDs
   * name the key index that signed them). Takes effect at the next start.
   *
   * @return the new key's index
   */
  public static int rotatePhoneKey(Path root) throws IOException {
    createPrivateDirectory(root);
    createPrivateDirectory(root.resolve("secrets"));
    return PhoneKeys.newKey(root.resolve("secrets").resolve("phone-keys"), new SecureRandom());
  }

  private byte[] secret(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] bytes = new byte[SECRET_BYTES];
      random.nextBytes(bytes);
      writePrivate(file, Base64.getEncoder().encodeToString(bytes) + "\n");
    }
    byte[] value = decode(file);
    if (value.length < SECRET_BYTES) {
      throw new StartupException(file + " holds fewer than " + SECRET_BYTES + " bytes");
    }
    return value;
  }

  private static byte[] decode(Path file) throws IOException {
    return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
  }

  private static boolean posix(Path dir) {
    return Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class)
        != null;
  }

  static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      if (posix(parent == null ? dir : parent)) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException e) {
      // made by another process meanwhile
    }
  }

  /** Writes a file readable by its owner only, atomically (never a half-written secret). */
  static void writePrivate(Path file, String content) throws IOException {
    write(file, content, OWNER_FILE);
  }

  static void writePublic(Path file, String content) throws IOException {
    write(file, content, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void write(Path file, String content, Set<PosixFilePermission> perms)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = posix(dir);
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
            : new FileAttribute<?>[0];
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attrs);
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      if (posix) {
        Files.setPosixFilePermissions(tmp, perms);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public Path root() {
    return root;
  }

  public byte[] tagSecret() {
    return tagSecret.clone();
  }

  public byte[] fingerprintSecret() {
    return fingerprintSecret.clone();
  }

  public byte[] keyEncryptionKey() {
    return keyEncryptionKey.clone();
  }

  public CertificateSigner signer() {
    return signer;
  }

  public List<TrustedKey> trustedKeys() {
    return trustedKeys;
  }

  PhoneKeys phoneKeys() {
    return phoneKeys;
  }

  public String adminToken() {
    return adminToken;
  }

  /** Writes {@code authority.url}: where the running authority listens. */
  public void writeUrl(String url) {
    try {
      writePublic(root.resolve("authority.url"), url + "\n");
    } catch (IOException e) {
      throw new StartupException("cannot write " + root.resolve("authority.url") + ": " + e, e);
    }
  }

  /** Removes {@code authority.url} if it still names {@code url} (a clean stop). */
  public void forgetUrl(String url) {
    Path file = root.resolve("authority.url");
    try {
      if (Files.isRegularFile(file) && Files.readString(file).strip().equals(url)) {
        Files.delete(file);
      }
    } catch (IOException e) {
      // a stale file is harmless: the next start rewrites it
    }
  }

  @Override
  public String toString() {
    return "DataDirectory[" + root + "]";
  }
}
