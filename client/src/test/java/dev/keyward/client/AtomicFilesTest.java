package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void replacesTheContentAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("sub").resolve("state.json");
    AtomicFiles.writeText(file, "first");
    AtomicFiles.writeText(file, "second");
    assertThat(Files.readString(file)).isEqualTo("second");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void filesAndDirectoriesAreOwnerOnly() throws Exception {
    Path file = dir.resolve("store").resolve("secret");
    AtomicFiles.writeText(file, "x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void aTemporaryFileLeftByACrashDoesNotChangeWhatIsRead() throws Exception {
    Path file = dir.resolve("state.json");
    AtomicFiles.writeText(file, "good");
    // a crash between writing the temporary file and the rename leaves this behind
    Files.writeString(dir.resolve(".state.json.123.tmp"), "half-writ", StandardCharsets.UTF_8);
    assertThat(Files.readString(file)).isEqualTo("good");
    AtomicFiles.writeText(file, "better");
    assertThat(Files.readString(file)).isEqualTo("better");
  }

  @Test
  void eachWriteIsWholeUnderConcurrentReaders() throws Exception {
    Path file = dir.resolve("state.json");
    String a = "a".repeat(100_000);
    String b = "b".repeat(100_000);
    AtomicFiles.writeText(file, a);
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 50; i++) {
                  AtomicFiles.writeText(file, i % 2 == 0 ? b : a);
                }
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    writer.start();
    while (writer.isAlive()) {
      String read = Files.readString(file);
      assertThat(read).isIn(a, b);
    }
    writer.join();
  }

  @Test
  void appendAddsLines() throws Exception {
    Path file = dir.resolve("events.jsonl");
    AtomicFiles.appendLine(file, "{\"n\":1}");
    AtomicFiles.appendLine(file, "{\"n\":2}");
    assertThat(Files.readAllLines(file)).containsExactly("{\"n\":1}", "{\"n\":2}");
  }
}
