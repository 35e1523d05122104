package dev.keyward.core.error;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A file that could not be read or written, said in the user's words: "not found", "not readable",
 * "not UTF-8 text", "already exists", with the path, as {@link ErrorCode#FILE_NOT_USABLE}. A Java
 * exception's text ({@code Input length = 1}, {@code FileAlreadyExistsException}) never reaches the
 * message; the operating system's reason ({@code No space left on device}) may.
 */
public final class FileProblems {
  private FileProblems() {}

  /**
   * Reading {@code path} failed with {@code e}.
   *
   * @param what what the file is, capitalised: "The machine file", "The compliance inventory"
   */
  public static Failure reading(String what, Path path, IOException e) {
    return Failure.of(ErrorCode.FILE_NOT_USABLE, what + " " + path + " " + readProblem(path, e));
  }

  /**
   * Writing {@code path} (or creating a directory on the way to it) failed with {@code e}.
   *
   * @param what what the file is, capitalised: "The license store", "The evidence pack"
   */
  public static Failure writing(String what, Path path, IOException e) {
    return Failure.of(ErrorCode.FILE_NOT_USABLE, what + " " + path + " " + writeProblem(path, e));
  }

  /** What went wrong reading, as the end of a sentence that starts with the path. */
  static String readProblem(Path path, IOException e) {
    if (e instanceof CharacterCodingException || isCoding(e.getCause())) {
      return "is not UTF-8 text; save it as UTF-8 and give it again.";
    }
    if (e instanceof NoSuchFileException) {
      return "was not found.";
    }
    if (e instanceof AccessDeniedException) {
      return "is not readable by this user (permission denied).";
    }
    if (Files.isDirectory(path)) {
      return "is a directory, not a file.";
    }
    return "cannot be read" + reason(e) + ".";
  }

  /** What went wrong writing, as the end of a sentence that starts with the path. */
  static String writeProblem(Path path, IOException e) {
    if (e instanceof FileAlreadyExistsException exists) {
      String other = exists.getFile();
      return other == null || Path.of(other).equals(path)
          ? "already exists; keyward does not overwrite it."
          : "cannot be created: " + other + " already exists and is not a directory.";
    }
    if (e instanceof NotDirectoryException || e instanceof NoSuchFileException) {
      String other = ((FileSystemException) e).getFile();
      return other == null || Path.of(other).equals(path)
          ? "cannot be created: its directory does not exist."
          : "cannot be created: " + other + " does not exist or is not a directory.";
    }
    if (e instanceof AccessDeniedException) {
      return "is not writable by this user (permission denied).";
    }
    return "cannot be written" + reason(e) + ".";
  }

  private static boolean isCoding(Throwable t) {
    return t instanceof CharacterCodingException;
  }

  /** The operating system's reason, e.g. " (No space left on device)"; never Java's class names. */
  private static String reason(IOException e) {
    if (e instanceof FileSystemException fs
        && fs.getReason() != null
        && !fs.getReason().isBlank()) {
      return " (" + fs.getReason().strip() + ")";
    }
    return "";
  }
}
