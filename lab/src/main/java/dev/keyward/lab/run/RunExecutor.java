package dev.keyward.lab.run;

import dev.keyward.core.json.Json;
import dev.keyward.lab.run.Checks.Outcome;
import dev.keyward.lab.scenario.Expectation;
import dev.keyward.lab.scenario.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {on: M, run: "COMMAND", expect: {…}}}: the command on M's console. It runs once in text,
 * for the transcript; when the step expects {@code --json} fields, a command that only looks
 * ({@link CommandText#readOnly}) runs a second time with {@code --json}, and a command that changes
 * something runs once, with {@code --json}, the transcript showing the notices and message its
 * answer carries (what the text would print). No action is ever run twice. At {@code slui 4} the
 * administrator types the confirmation ID support read back for the machine.
 */
final class RunExecutor implements StepExecutor<Step.Run> {
  private static final Pattern TEXT_ERROR =
      Pattern.compile("(?m)^Error: (0x[0-9A-Fa-f]{8}) \\S+\\R(.*)$");

  private final LabSession lab;

  RunExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Run r) {
    return r.machine() + "> " + CommandText.substitute(r.command(), lab.keys);
  }

  @Override
  public StepResult execute(Step.Run step, String title) {
    LabMachine m = lab.machine(step.machine());
    List<String> words = CommandText.words(CommandText.substitute(step.command(), lab.keys));
    if (words.isEmpty()) {
      throw new IllegalArgumentException("the run: command is empty");
    }
    words = lab.directories.complete(m, words);
    boolean wantsFields =
        step.expect().fields().keySet().stream()
            .anyMatch(k -> !k.equals("error") && !k.equals("ok") && !k.equals("output"));
    lab.transcript.command(title);
    lab.hosts.refresh();
    if (LabVmHosts.handles(words)) {
      Outcome started = lab.vmHosts.run(m, words);
      lab.transcript.print(started.text());
      return lab.verdict(
          step.line(), title, Checks.check(expected(step.expect(), lab.keys), started));
    }
    if (LabDirectories.handles(words)) {
      Outcome started = lab.directories.run(m, words);
      lab.transcript.print(started.text());
      return lab.verdict(
          step.line(), title, Checks.check(expected(step.expect(), lab.keys), started));
    }
    if (LabVolumeHosts.handles(words)) {
      Outcome started = lab.hosts.run(m, words);
      lab.transcript.print(started.text());
      return lab.verdict(
          step.line(), title, Checks.check(expected(step.expect(), lab.keys), started));
    }
    String input = typed(m, words);
    Outcome outcome =
        !wantsFields || CommandText.readOnly(words)
            ? looked(m, words, wantsFields, input)
            : acted(m, words, input);
    return lab.verdict(
        step.line(), title, Checks.check(expected(step.expect(), lab.keys), outcome));
  }

  /** In text for the console; a second time with --json when fields are expected. */
  private Outcome looked(LabMachine m, List<String> words, boolean wantsFields, String input) {
    Shell.Result text = lab.shell(m, words, false, input);
    lab.transcript.print(text.out() + text.err());
    Map<String, Object> json = null;
    if (wantsFields) {
      json = Json.readObject(lab.shell(m, words, true).out()).orElse(null);
      if (json != null && json.containsKey("error")) {
        json = null;
      }
    }
    Matcher error = TEXT_ERROR.matcher(text.err());
    boolean failed = text.exit() != 0;
    return new Outcome(
        text.exit(),
        failed && error.find() ? Optional.of(error.group(1)) : Optional.empty(),
        failed ? text.err() : "",
        json,
        text.out() + text.err());
  }

  /** Once, with --json; the console shows what the answer says. */
  private Outcome acted(LabMachine m, List<String> words, String input) {
    Shell.Result answer = lab.shell(m, words, true, input);
    Optional<Map<String, Object>> json = Json.readObject(answer.out());
    String shown = json.map(Transcript::render).orElse(answer.out() + answer.err());
    lab.transcript.print(shown);
    Optional<String> code = json.flatMap(RunExecutor::errorCode);
    return new Outcome(
        answer.exit(),
        code,
        code.isPresent() ? errorMessage(json.get()) : answer.err(),
        code.isPresent() ? null : json.orElse(null),
        shown);
  }

  /**
   * What the administrator types: at {@code slui 4}, the confirmation ID support read back for the
   * machine ({@code {support: phone, on: M}}), all 20 groups on one line; else nothing.
   */
  private static String typed(LabMachine m, List<String> words) {
    if (!words.get(0).equalsIgnoreCase("slui")) {
      return "";
    }
    return m.confirmationId.map(cid -> cid.replace('-', ' ') + "\n").orElse("");
  }

  /** The expectation with {@code {name}} placeholders in its text values replaced by keys. */
  static Expectation expected(Expectation e, Map<String, String> keys) {
    Map<String, Object> fields = new LinkedHashMap<>();
    e.fields()
        .forEach(
            (k, v) -> fields.put(k, v instanceof String s ? CommandText.substitute(s, keys) : v));
    return new Expectation(fields);
  }

  private static Optional<String> errorCode(Map<String, Object> json) {
    return json.get("error") instanceof Map<?, ?> error && error.get("code") instanceof String c
        ? Optional.of(c)
        : Optional.empty();
  }

  private static String errorMessage(Map<String, Object> json) {
    return json.get("error") instanceof Map<?, ?> error ? String.valueOf(error.get("message")) : "";
  }
}
