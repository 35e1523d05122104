package dev.keyward.cli;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;

/**
 * The command line is wrong (an unknown verb or option, a missing or extra argument): printed as
 * {@link ErrorCode#USAGE} with its remedy, exit status 2 ({@link KeywardCli#USAGE}).
 */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Failure failure;

  UsageError(String message) {
    super(message, null, false, false);
    this.failure = Failure.of(ErrorCode.USAGE, message);
  }

  Failure failure() {
    return failure;
  }
}
