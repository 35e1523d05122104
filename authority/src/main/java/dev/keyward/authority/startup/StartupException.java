package dev.keyward.authority.startup;

/**
 * Why the authority cannot start, in words for the operator (bad flag, port in use, invalid
 * catalog, unreachable database). Printed without a stack trace.
 */
public class StartupException extends RuntimeException {
  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
