package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The class javadoc's example of {@link KeywardClient} is the compiled body of {@link
 * KeywardClientExample}: same code, same comments (the formatter may lay them out differently, so
 * whitespace is not compared).
 */
class KeywardClientExampleTest {
  private static final Path SOURCES = Path.of("src");

  @Test
  void theJavadocExampleIsTheCompiledExample() throws IOException {
    String javadoc =
        between(read("main/java/dev/keyward/client/KeywardClient.java"), "<pre>{@code", "}</pre>");
    String compiled =
        between(
            read("test/java/dev/keyward/client/KeywardClientExample.java"),
            "// example:begin",
            "// example:end");
    String javadocCode =
        javadoc.lines().map(l -> l.replaceFirst("^\\s*\\* ?", "")).reduce("", String::concat);
    assertThat(compiled.replaceAll("\\s+", ""))
        .isNotEmpty()
        .isEqualTo(javadocCode.replaceAll("\\s+", ""));
  }

  private static String read(String path) throws IOException {
    return Files.readString(SOURCES.resolve(path), StandardCharsets.UTF_8);
  }

  private static String between(String text, String begin, String end) {
    int from = text.indexOf(begin);
    assertThat(from).as("%s is in the file", begin).isNotNegative();
    int to = text.indexOf(end, from);
    assertThat(to).as("%s follows %s", end, begin).isGreaterThan(from);
    return text.substring(from + begin.length(), to);
  }
}
