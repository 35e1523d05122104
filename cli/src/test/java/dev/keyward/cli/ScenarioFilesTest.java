package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.lab.run.LabRunner;
import dev.keyward.lab.run.ScenarioResult;
import dev.keyward.lab.run.StepResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario file in the repository's scenarios/ folder replays without a failed step. */
class ScenarioFilesTest {
  static final Path SCENARIOS = Path.of("..", "scenarios");

  static List<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      List<Path> all =
          files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
      assertThat(all).as("scenarios/ holds the seeds' scenarios").hasSizeGreaterThanOrEqualTo(5);
      return all;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void replays(Path file) {
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    ScenarioResult result =
        new LabRunner(
                LabCommand.shell(),
                new PrintStream(transcript, true, StandardCharsets.UTF_8),
                false)
            .run(file, "scenarios/" + file.getFileName());
    String text = transcript.toString(StandardCharsets.UTF_8);
    assertThat(result.failures()).as(text).isEmpty();
    assertThat(result.passed()).isGreaterThan(10);
    // pending steps are reported, never passed
    long pendingInTranscript = text.lines().filter(l -> l.startsWith("-- PENDING ")).count();
    assertThat(pendingInTranscript).isEqualTo(result.pending());
    assertThat(result.steps())
        .filteredOn(s -> s.status() == StepResult.Status.PENDING)
        .allSatisfy(s -> assertThat(s.note()).isNotBlank());
    assertThat(text).doesNotContain("\tat ").doesNotContain("Internal error");
  }
}
