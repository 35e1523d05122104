package dev.keyward.lab.run;

import dev.keyward.client.KeywardException;
import dev.keyward.core.hardware.Component;
import dev.keyward.lab.run.Checks.Mismatch;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a lab run prints: the administrators' consoles ({@code srv1> slmgr /ato} and what the
 * command printed), notes for the steps that are not commands, and each step's verdict. Also the
 * few ways the lab writes values as text, so that every step says them alike.
 */
final class Transcript {
  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final PrintStream out;

  /**
   * @param out where the transcript goes; null for none
   */
  Transcript(PrintStream out) {
    this.out = out;
  }

  void say(String line) {
    if (out != null) {
      out.println(line);
    }
  }

  /** What a console showed, ending with a line break. */
  void print(String text) {
    if (out != null && !text.isEmpty()) {
      out.print(text.endsWith("\n") ? text : text + "\n");
    }
  }

  /** A step that is not a command: {@code -- migrate vm1 to proxmox-vm: …}. */
  void note(String text) {
    say("");
    say("-- " + text);
  }

  /** A command's title, as the console prompt shows it. */
  void command(String title) {
    say("");
    say(title);
  }

  void pending(String file, int line, String title, String why) {
    say("");
    say("-- PENDING " + file + ":" + line + " " + title);
    say("   (" + why + ")");
  }

  /** The step passed when nothing mismatched; else each mismatch, expected above actual. */
  StepResult verdict(String file, int line, String title, List<Mismatch> mismatches) {
    if (mismatches.isEmpty()) {
      say("   [pass]");
      return StepResult.passed(line, title);
    }
    say("   [FAIL] " + file + ":" + line);
    for (Mismatch m : mismatches) {
      say("          " + m.what() + ": expected " + m.expected());
      say("          " + " ".repeat(m.what().length()) + "  actual   " + m.actual());
    }
    return new StepResult(line, title, StepResult.Status.FAILED, mismatches, "");
  }

  /** What an action's --json answer says in text: its notices and message, or its error. */
  static String render(Map<String, Object> json) {
    if (json.get("error") instanceof Map<?, ?> error) {
      return "Error: "
          + error.get("code")
          + " "
          + error.get("name")
          + "\n"
          + error.get("message")
          + "\nRemedy: "
          + error.get("remedy")
          + "\n";
    }
    StringBuilder text = new StringBuilder();
    if (json.get("notices") instanceof List<?> notices) {
      notices.forEach(n -> text.append("Note: ").append(n).append('\n'));
    }
    if (json.get("message") instanceof String message) {
      text.append(message).append('\n');
    } else if (!json.containsKey("notices")) {
      text.append(summary(json)).append('\n');
    }
    return text.toString();
  }

  /** An admin answer in one line: {@code field: value, …}. */
  static String summary(Map<String, Object> answer) {
    return answer.entrySet().stream()
            .filter(e -> !e.getKey().equals("key") || !(e.getValue() instanceof String))
            .map(e -> e.getKey() + ": " + Checks.show(e.getValue()))
            .collect(Collectors.joining(", "))
        + (answer.get("key") instanceof String k ? "\nkey: " + k : "");
  }

  /** Components by their machine-file names, in the file's order; "nothing" for none. */
  static String names(Collection<Component> components) {
    if (components.isEmpty()) {
      return "nothing";
    }
    Set<Component> sorted = EnumSet.copyOf(components);
    return sorted.stream().map(Component::fileName).collect(Collectors.joining(", "));
  }

  /** A failure as one line: the catalogue code and message, never a Java exception's name. */
  static String message(RuntimeException e) {
    if (e instanceof KeywardException k) {
      return k.code().hex() + " " + k.code().symbolicName() + ": " + k.failure().message();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
