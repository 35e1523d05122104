package dev.keyward.volumehost.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console token: made at the host's first start, the same at every start after. */
class ConsoleTokenTest {
  @Test
  void theFirstStartWritesTheTokenAndLaterStartsReadTheSameOne(@TempDir Path store)
      throws Exception {
    Path file = store.resolve("volume-host").resolve("console-token");
    ConsoleToken first = ConsoleToken.open(file, new SecureRandom());
    assertThat(file).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String written = Files.readString(file).strip();
    assertThat(written).startsWith("kwc_").hasSizeGreaterThan(40);
    assertThat(first.matches(written)).isTrue();

    ConsoleToken again = ConsoleToken.open(file, new SecureRandom());
    assertThat(Files.readString(file).strip()).isEqualTo(written);
    assertThat(again.matches(written + "\n")).isTrue();
    assertThat(again.matches(written.substring(1))).isFalse();
    assertThat(again.matches("")).isFalse();
    assertThat(again.matches(null)).isFalse();
  }
}
