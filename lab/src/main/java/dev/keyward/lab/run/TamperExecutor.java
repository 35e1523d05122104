package dev.keyward.lab.run;

import dev.keyward.lab.scenario.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code {tamper: M}}: the rearm count in M's license state files is raised by hand, as a user
 * editing the store would; the seal no longer matches and the client finds the store tampered with.
 */
final class TamperExecutor implements StepExecutor<Step.Tamper> {
  private final LabSession lab;

  TamperExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Tamper t) {
    return "tamper " + t.machine();
  }

  @Override
  public StepResult execute(Step.Tamper step, String title) {
    LabMachine m = lab.machine(step.machine());
    int edited = 0;
    try (Stream<Path> files = Files.walk(m.store, 2)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().equals("license.json")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String changed = text.replaceFirst("\"rearmCount\":\\s*(\\d+)", "\"rearmCount\":-7");
        if (!changed.equals(text)) {
          Files.writeString(file, changed, StandardCharsets.UTF_8);
          edited++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lab.transcript.note(title + ": " + edited + " license state file(s) edited by hand");
    return edited > 0
        ? StepResult.passed(step.line(), title)
        : StepResult.failed(step.line(), title, "no license state file in " + m.store);
  }
}
