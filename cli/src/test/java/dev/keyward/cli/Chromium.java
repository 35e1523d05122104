package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian Chromium for page tests. In CI (CI=true) a missing browser fails the test,
 * because `.ci/run` installs it; on a developer machine without it the test is skipped, saying so.
 */
final class Chromium {
  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  static Chromium required() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return new Chromium(Path.of(candidate));
      }
    }
    String why = "headless Chromium is not installed (apt-get install chromium)";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(why + "; .ci/run installs it");
    }
    Assumptions.abort(why);
    return null;
  }

  void screenshot(Path html, Path png) throws IOException, InterruptedException {
    run(
        List.of("--screenshot=" + png, "--window-size=1100,900", html.toUri().toString()),
        png.getParent());
    assertThat(png).exists();
  }

  String dumpDom(Path html) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", html.toUri().toString()), html.getParent());
  }

  private String run(List<String> args, Path dir) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    // No sandbox as root in a container; no background networking on a closed network.
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
    command.addAll(args);
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 60 s: " + command);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
