package dev.keyward.volumehost.console;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the browser tests put their screenshots: the repository's {@code docs/console/} (the
 * console guide shows them) when the tests run with KEYWARD_SCREENSHOTS=1, so that a plain test run
 * leaves the committed pictures alone; {@code target/screenshots/} otherwise.
 */
final class Screenshots {
  private Screenshots() {}

  static void take(Browser browser, String name) throws java.io.IOException {
    Path docs = Path.of("..", "docs").toAbsolutePath().normalize();
    if ("1".equals(System.getenv("KEYWARD_SCREENSHOTS")) && Files.isDirectory(docs)) {
      browser.screenshot(docs.resolve("console").resolve(name + ".png"));
    } else {
      browser.screenshot(Path.of("target", "screenshots", name + ".png"));
    }
  }
}
