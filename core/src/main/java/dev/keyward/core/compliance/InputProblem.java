package dev.keyward.core.compliance;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.Objects;

/**
 * One thing wrong with a compliance input file.
 *
 * @param file the file name handed to the parser
 * @param line 1-based line of the offending value (or of the mapping missing a field); 0 when the
 *     YAML library could not tell
 * @param field path of the field, e.g. {@code hosts[0].coresPerProcessor}; empty for the document
 * @param message what is wrong and what is expected
 */
public record InputProblem(String file, int line, String field, String message) {
  public InputProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** As a catalogue error, for callers that report {@link Failure}s. */
  public Failure toFailure() {
    return Failure.of(ErrorCode.CATALOG_INVALID, toString());
  }

  /** {@code inventory.yaml:3: hosts[0].vms: must be ...}, the form editors jump to. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }
}
