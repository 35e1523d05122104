package dev.keyward.core.yaml;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A mistake in a file a person wrote (catalog, machine file, compliance input), located so that it
 * can be fixed without guessing: {@code catalog.yaml:42: products[0].editions[3].targets: unknown
 * edition 'ServerDatacentre'}.
 *
 * @param file the file name as the user gave it
 * @param line 1-based line, or 0 when the whole file is concerned
 * @param column 1-based column, or 0 when not known
 * @param field the path of the field, e.g. {@code products[0].versions}; empty when the problem
 *     concerns no field or its message names the field itself
 * @param message what is wrong, in plain words
 */
public record SourceProblem(String file, int line, int column, String field, String message) {
  public SourceProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("lines and columns count from 1 (0: not known)");
    }
  }

  /** A problem located by its line only. */
  public SourceProblem(String file, int line, String field, String message) {
    this(file, line, 0, field, message);
  }

  /**
   * The form compilers print and editors jump to. A problem that names a field reads {@code
   * file:line: field: message} (the field path says where on the line); one that does not reads
   * {@code file:line:column: message}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
      if (column > 0 && field.isEmpty()) {
        text.append(':').append(column);
      }
    }
    text.append(": ");
    if (!field.isEmpty()) {
      text.append(field).append(": ");
    }
    return text.append(message).toString();
  }

  /** The problems one per line, as the detail of a refusal. */
  public static String lines(List<SourceProblem> problems) {
    return problems.stream().map(SourceProblem::toString).collect(Collectors.joining("\n"));
  }
}
