package dev.keyward.core.error;

import java.util.Objects;

/**
 * A refusal as a value: the catalogue entry plus what went wrong in this instance. This is what
 * every API and CLI error is rendered from ({@code code}, {@code name}, {@code message}, {@code
 * remedy}).
 *
 * @param error the catalogue entry
 * @param detail the instance-specific message (never a full product key)
 */
public record Failure(ErrorCode error, String detail) {
  public Failure {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(detail, "detail");
  }

  public static Failure of(ErrorCode error, String detail) {
    return new Failure(error, detail);
  }

  /** The message shown to users: the detail, or the catalogue's meaning when there is none. */
  public String message() {
    return detail.isBlank() ? error.meaning() : detail;
  }

  public String remedy() {
    return error.remedy();
  }

  @Override
  public String toString() {
    return error.hex() + " " + error.symbolicName() + ": " + message();
  }
}
