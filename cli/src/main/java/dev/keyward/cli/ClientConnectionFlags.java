package dev.keyward.cli;

import dev.keyward.client.ConnectionOptions;
import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The global flags for reaching an authority: {@code --timeout SECONDS} ({@code KEYWARD_TIMEOUT})
 * and {@code --ca-file FILE} ({@code KEYWARD_CA_FILE}). A slow answer prints one line on stderr
 * after a few seconds, so that a hung authority is not a silent wait.
 */
final class ClientConnectionFlags {
  static final int MAX_TIMEOUT_SECONDS = 3600;

  private ClientConnectionFlags() {}

  static ConnectionOptions options(KeywardCli.Context ctx, String timeoutFlag, Path caFlag) {
    ConnectionOptions options =
        ConnectionOptions.DEFAULT.withProgress(
            ConnectionOptions.DEFAULT_PROGRESS_AFTER,
            line -> {
              ctx.err().println("keyward: " + line);
              ctx.err().flush();
            });
    String timeout = timeoutFlag != null ? timeoutFlag : ctx.env().get("KEYWARD_TIMEOUT");
    if (timeout != null && !timeout.isBlank()) {
      options = options.withTimeout(Duration.ofSeconds(seconds(timeout, timeoutFlag != null)));
    }
    Path ca = caFlag;
    if (ca == null) {
      String env = ctx.env().get("KEYWARD_CA_FILE");
      ca = env == null || env.isBlank() ? null : Path.of(env.strip());
    }
    if (ca != null) {
      options = options.withCaFile(ctx.workingDirectory().resolve(ca));
    }
    return options;
  }

  private static long seconds(String text, boolean flag) {
    try {
      long s = Long.parseLong(text.strip());
      if (s >= 1 && s <= MAX_TIMEOUT_SECONDS) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw KeywardException.of(
        ErrorCode.BAD_REQUEST,
        (flag ? "--timeout" : "KEYWARD_TIMEOUT")
            + " must be a whole number of seconds 1.."
            + MAX_TIMEOUT_SECONDS
            + " (got '"
            + text.strip()
            + "').");
  }
}
