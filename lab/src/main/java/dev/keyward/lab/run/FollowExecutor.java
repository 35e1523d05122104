package dev.keyward.lab.run;

import dev.keyward.core.json.Json;
import dev.keyward.lab.run.Checks.Mismatch;
import dev.keyward.lab.run.Checks.Outcome;
import dev.keyward.lab.scenario.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {follow: M, …}}: what an administrator does with {@code keyward diagnose}'s answer. M is
 * diagnosed ({@code diagnose --json}), and the chosen finding's commands are run as printed, in
 * order: a plain line on M's console, {@code on the old machine:} on the step's {@code old}
 * machine, {@code support:} through the admin CLI (any console reaches the lab authority), {@code
 * system:} by the lab where it can (setting the clock right); the placeholders ({@code KEY}, {@code
 * HOST:PORT}, {@code DOWNGRADE_KEY}) take the step's {@code with} values, and a support downgrade
 * gives {@code DOWNGRADE_KEY} the key it issued. A command that fails fails the step; {@code
 * expect} is checked against M's {@code slmgr /dli} afterwards.
 */
final class FollowExecutor implements StepExecutor<Step.Follow> {
  private static final String OLD = "on the old machine: ";
  private static final String SUPPORT = "support: ";
  private static final String SYSTEM = "system: ";
  private static final Pattern PLACEHOLDER =
      Pattern.compile("(?<![A-Za-z0-9_-])(DOWNGRADE_KEY|KEY|HOST:PORT)(?![A-Za-z0-9_-])");

  private final LabSession lab;

  FollowExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Follow f) {
    return f.machine() + "> follow diagnose" + (f.orElse() ? " (or else)" : "");
  }

  @Override
  public StepResult execute(Step.Follow step, String title) {
    LabMachine m = lab.machine(step.machine());
    lab.transcript.command(title);
    lab.hosts.refresh();
    Map<String, Object> answer =
        Json.readObject(lab.shell(m, List.of("diagnose"), true).out()).orElse(Map.of());
    List<String> commands = commands(answer, step);
    if (commands.isEmpty()) {
      return lab.verdict(
          step.line(),
          title,
          List.of(new Mismatch("findings." + step.finding(), "commands to follow", "none")));
    }
    Map<String, String> values = new LinkedHashMap<>();
    step.with().forEach((k, v) -> values.put(k, CommandText.substitute(v, lab.keys)));
    for (String printed : commands) {
      Optional<Mismatch> failed = follow(m, step, printed, values);
      if (failed.isPresent()) {
        return lab.verdict(step.line(), title, List.of(failed.get()));
      }
    }
    Shell.Result status = lab.shell(m, List.of("slmgr", "/dli"), true);
    Map<String, Object> json = Json.readObject(status.out()).orElse(null);
    Outcome outcome = new Outcome(status.exit(), Optional.empty(), "", json, status.out());
    return lab.verdict(
        step.line(), title, Checks.check(RunExecutor.expected(step.expect(), lab.keys), outcome));
  }

  private static List<String> commands(Map<String, Object> answer, Step.Follow step) {
    if (!(answer.get("findings") instanceof List<?> findings)
        || findings.size() <= step.finding()
        || !(findings.get(step.finding()) instanceof Map<?, ?> finding)
        || !(finding.get(step.orElse() ? "orElse" : "commands") instanceof List<?> lines)) {
      return List.of();
    }
    return lines.stream().map(String::valueOf).toList();
  }

  private Optional<Mismatch> follow(
      LabMachine m, Step.Follow step, String printed, Map<String, String> values) {
    String line = fill(printed, values);
    Matcher missing = PLACEHOLDER.matcher(line);
    if (missing.find()) {
      return Optional.of(
          new Mismatch(printed, "a value for " + missing.group(1) + " (with:)", "none"));
    }
    if (line.startsWith(SYSTEM)) {
      if (line.contains("clock")) {
        m.skew = Duration.ZERO;
        lab.transcript.print("  " + line + "  [the lab sets " + step.machine() + "'s clock right]");
      } else {
        lab.transcript.print("  " + line + "  [left to the scenario's earlier steps]");
      }
      return Optional.empty();
    }
    LabMachine on = m;
    String command = line;
    if (line.startsWith(OLD)) {
      if (step.old().isEmpty()) {
        return Optional.of(new Mismatch(printed, "old: the machine it names", "none"));
      }
      on = lab.machine(step.old().get());
      command = line.substring(OLD.length());
    } else if (line.startsWith(SUPPORT)) {
      command = line.substring(SUPPORT.length());
    }
    String shownOn = on == m ? step.machine() : step.old().orElse("?");
    lab.transcript.print("  " + shownOn + "$ " + command);
    Shell.Result r = lab.shell(on, CommandText.words(command), true);
    Optional<Map<String, Object>> json = Json.readObject(r.out());
    json.map(Transcript::render).ifPresent(t -> lab.transcript.print(indent(t)));
    if (r.exit() != 0) {
      String why =
          json.flatMap(j -> Optional.ofNullable(j.get("error")))
              .map(String::valueOf)
              .orElse(r.err());
      return Optional.of(new Mismatch(printed, "success", why.strip()));
    }
    if (command.contains("admin keys downgrade")
        && json.isPresent()
        && json.get().get("key") instanceof String issued) {
      values.put("DOWNGRADE_KEY", issued);
    }
    return Optional.empty();
  }

  /** The placeholders replaced by their values, longest names first. */
  private static String fill(String line, Map<String, String> values) {
    List<String> names = new ArrayList<>(values.keySet());
    names.sort(Comparator.comparingInt(String::length).reversed());
    String out = line;
    for (String name : names) {
      out =
          out.replaceAll(
              "(?<![A-Za-z0-9_-])" + Pattern.quote(name) + "(?![A-Za-z0-9_-])",
              Matcher.quoteReplacement(values.get(name)));
    }
    return out;
  }

  private static String indent(String text) {
    return ("    " + text.strip()).replace("\n", "\n    ");
  }
}
