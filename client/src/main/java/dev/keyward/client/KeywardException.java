package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.Objects;

/**
 * A licensing operation was refused or could not be carried out. It always carries a catalogue
 * {@link Failure} ({@code code}, {@code name}, {@code message}, {@code remedy}), so callers can
 * render it the way {@code keyward} does; the message never contains a full product key.
 */
public final class KeywardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Failure failure;

  public KeywardException(Failure failure) {
    super(Objects.requireNonNull(failure, "failure").toString());
    this.failure = failure;
  }

  public KeywardException(Failure failure, Throwable cause) {
    super(Objects.requireNonNull(failure, "failure").toString(), cause);
    this.failure = failure;
  }

  public static KeywardException of(ErrorCode code, String detail) {
    return new KeywardException(Failure.of(code, detail));
  }

  public Failure failure() {
    return failure;
  }

  public ErrorCode code() {
    return failure.error();
  }
}
