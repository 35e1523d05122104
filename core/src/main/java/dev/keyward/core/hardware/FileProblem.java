package dev.keyward.core.hardware;

import java.util.Objects;

/**
 * One mistake in a file, where an editor can jump to it.
 *
 * @param fileName the file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong and, where it helps, what would be right
 */
public record FileProblem(String fileName, int line, int column, String message) {
  public FileProblem {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("lines and columns count from 1");
    }
  }

  /** {@code machine.yaml:3:5: message}, the form compilers use and editors understand. */
  @Override
  public String toString() {
    return fileName + ":" + line + ":" + column + ": " + message;
  }
}
