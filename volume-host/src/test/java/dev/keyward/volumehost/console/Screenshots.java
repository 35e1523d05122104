package dev.keyward.volumehost.console;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the browser tests put their screenshots: the repository's {@code docs/console/} (the
 * console guide shows them), else nowhere.
 */
final class Screenshots {
  private Screenshots() {}

  static void take(Browser browser, String name) throws java.io.IOException {
    Path docs = Path.of("..", "docs").toAbsolutePath().normalize();
    if (Files.isDirectory(docs)) {
      browser.screenshot(docs.resolve("console").resolve(name + ".png"));
    }
  }
}
