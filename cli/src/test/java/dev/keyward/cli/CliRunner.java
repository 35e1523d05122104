package dev.keyward.cli;

import dev.keyward.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Runs {@code keyward} in-process with captured output, as a test's user would. */
final class CliRunner {
  private final Path workingDirectory;
  private final Map<String, String> env;
  private final Clock clock;

  CliRunner(Path workingDirectory, Map<String, String> env, Clock clock) {
    this.workingDirectory = workingDirectory;
    this.env = env;
    this.clock = clock;
  }

  record Result(int exit, String out, String err) {
    /** The one JSON object printed on stdout. */
    Map<String, Object> json() {
      return Json.readObject(out)
          .orElseThrow(() -> new AssertionError("stdout is not one JSON object: " + out + err));
    }

    /** The {@code error} object of a JSON error. */
    @SuppressWarnings("unchecked")
    Map<String, Object> error() {
      return (Map<String, Object>) json().get("error");
    }

    Optional<String> errorCode() {
      return Optional.ofNullable(json().get("error"))
          .map(e -> (String) ((Map<?, ?>) e).get("code"));
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  /** Runs with {@code input} as what the user types (a pipe, for keyward slui 4). */
  Result runWithInput(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    KeywardCli.Context ctx =
        new KeywardCli.Context(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            clock,
            () -> {
              throw new AssertionError("tests pass --machine FILE");
            },
            workingDirectory,
            false,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    int exit = KeywardCli.run(ctx, args);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
