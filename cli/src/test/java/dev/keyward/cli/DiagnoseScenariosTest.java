package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.lab.run.LabRunner;
import dev.keyward.lab.run.ScenarioResult;
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

/**
 * The acceptance of {@code keyward diagnose}: one lab scenario per seed situation
 * (scenarios/diagnose/), each bringing a machine into the situation, asserting the first finding's
 * code, then following its commands as printed ({@code {follow: M}}) and asserting the machine is
 * fixed (Licensed).
 */
class DiagnoseScenariosTest {
  static List<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(ScenarioFilesTest.SCENARIOS.resolve("diagnose"))) {
      List<Path> all =
          files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
      assertThat(all).as("one scenario per seed situation").hasSizeGreaterThanOrEqualTo(11);
      return all;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void diagnosesAndItsCommandsFixTheMachine(Path file) throws IOException {
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    ScenarioResult result =
        new LabRunner(
                LabCommand.shell(),
                new PrintStream(transcript, true, StandardCharsets.UTF_8),
                false)
            .run(file, "scenarios/diagnose/" + file.getFileName());
    String text = transcript.toString(StandardCharsets.UTF_8);
    assertThat(result.failures()).as(text).isEmpty();
    assertThat(result.pending()).isZero();
    String yaml = Files.readString(file);
    assertThat(yaml)
        .contains("run: \"diagnose\"")
        .contains("findings.0.code")
        .contains("{follow: ");
    assertThat(text).contains("follow diagnose").doesNotContain("\tat ");
  }
}
