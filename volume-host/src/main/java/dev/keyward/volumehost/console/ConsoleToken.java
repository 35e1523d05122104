package dev.keyward.volumehost.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The site console's sign-in token, made on the host's first start like the authority's admin
 * token: {@code <store>/volume-host/console-token}, readable by its owner only. Whoever can read
 * the host's store may use the console; nobody else can.
 */
public final class ConsoleToken {
  static final int BYTES = 32;
  private final Path file;
  private final byte[] token;

  private ConsoleToken(Path file, String token) {
    this.file = file;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the token, making it first when the file is not there. */
  public static ConsoleToken open(Path file, SecureRandom random) throws IOException {
    if (!Files.exists(file)) {
      byte[] bytes = new byte[BYTES];
      random.nextBytes(bytes);
      String text = "kwc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n";
      Files.createDirectories(file.toAbsolutePath().getParent());
      try {
        Files.createFile(file, ownerOnly(file));
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } catch (FileAlreadyExistsException e) {
        // another start made it first: use theirs
      }
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (text.length() < 16) {
      throw new IOException(file + " holds no usable console token (delete it to make a new one)");
    }
    return new ConsoleToken(file, text);
  }

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path file) {
    boolean posix =
        file.toAbsolutePath()
            .getParent()
            .getFileSystem()
            .supportedFileAttributeViews()
            .contains("posix");
    return posix
        ? new java.nio.file.attribute.FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new java.nio.file.attribute.FileAttribute<?>[0];
  }

  public Path file() {
    return file;
  }

  /** Whether {@code candidate} is the token, compared in constant time. */
  boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(token, candidate.strip().getBytes(StandardCharsets.UTF_8));
  }
}
