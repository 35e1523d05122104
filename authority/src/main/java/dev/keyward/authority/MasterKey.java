package dev.keyward.authority;

import dev.keyward.authority.crypto.KeyCipher;
import dev.keyward.authority.startup.StartupException;
import dev.keyward.core.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key every authority node of one database is given (docs/scale-out.md): the base64 of 32
 * random bytes, from {@code --master-key-file}, {@code KEYWARD_MASTER_KEY_FILE} or {@code
 * KEYWARD_MASTER_KEY}. It seals the secrets the nodes share in the database ({@link
 * SharedSecrets}), so the database and its backups never hold them in clear.
 */
public final class MasterKey {
  private final byte[] key;
  private final String source;

  private MasterKey(byte[] key, String source) {
    this.key = key;
    this.source = source;
  }

  /**
   * @param source where the text came from, for messages ("KEYWARD_MASTER_KEY", a file name)
   * @throws StartupException when the text is not the base64 of 32 bytes
   */
  public static MasterKey parse(String text, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw unusable(source + " is not base64 (make a key with `openssl rand -base64 32`)");
    }
    if (bytes.length != 32) {
      throw unusable(
          source
              + " holds "
              + bytes.length
              + " bytes, not 32 (make a key with `openssl rand -base64 32`)");
    }
    return new MasterKey(bytes, source);
  }

  /** Reads a master key file (the base64 of 32 bytes; surrounding white space ignored). */
  public static MasterKey fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw unusable("cannot read the master key file " + file + " (" + e.getMessage() + ")");
    }
    return parse(text, "the master key file " + file);
  }

  /** A new random key (tests and the lab). */
  public static MasterKey random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new MasterKey(bytes, "a random master key");
  }

  /** The key as a master key file holds it. */
  public String base64() {
    return Base64.getEncoder().encodeToString(key);
  }

  String source() {
    return source;
  }

  KeyCipher cipher() {
    return new KeyCipher(key.clone(), new SecureRandom());
  }

  static StartupException unusable(String why) {
    ErrorCode code = ErrorCode.MASTER_KEY_UNUSABLE;
    return new StartupException(
        why + " (" + code.hex() + " " + code.symbolicName() + "). " + code.remedy());
  }

  @Override
  public String toString() {
    return "MasterKey[" + source + ", key hidden]";
  }
}
