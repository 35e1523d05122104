package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.core.error.FileProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files named on the command line, read and written with errors in words (FileProblems). */
final class LocalFiles {
  private LocalFiles() {}

  /**
   * The UTF-8 text of {@code file}, or a refusal saying "not found", "not readable", "not UTF-8
   * text" with the path.
   *
   * @param what what the file is, capitalised: "The machine file"
   */
  static String readText(String what, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KeywardException(FileProblems.reading(what, file, e));
    }
  }

  /** The refusal for a file that could not be written. */
  static KeywardException notWritten(String what, Path file, IOException e) {
    return new KeywardException(FileProblems.writing(what, file, e));
  }
}
