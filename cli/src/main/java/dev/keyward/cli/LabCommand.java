package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.hardware.MachineFileReading;
import dev.keyward.lab.run.Checks;
import dev.keyward.lab.run.ExampleScenario;
import dev.keyward.lab.run.LabRunner;
import dev.keyward.lab.run.ScenarioResult;
import dev.keyward.lab.run.Shell;
import dev.keyward.lab.run.StepResult;
import dev.keyward.machines.LabProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward lab}: replays scenario files (SPEC §14) and makes lab machine files. The runner
 * lives in the lab module and reaches the keyward command through {@link Shell}, which this class
 * implements with {@link KeywardCli#run}: the cli depends on the lab, never the reverse.
 */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description = "Replay support scenarios on a virtual clock; make lab machine files.",
    subcommands = {
      LabCommand.Run.class,
      LabCommand.New.class,
      LabCommand.Machine.class,
    })
final class LabCommand {
  @ParentCommand KeywardCommand root;

  /** Runs keyward in this process with the lab's clock, directory and environment. */
  static Shell shell() {
    return invocation -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      KeywardCli.Context ctx =
          new KeywardCli.Context(
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              invocation.env(),
              invocation.clock(),
              () -> {
                throw KeywardException.of(
                    ErrorCode.BAD_REQUEST, "a lab machine is always given with --machine FILE");
              },
              invocation.workingDirectory(),
              false,
              new ByteArrayInputStream(invocation.input().getBytes(StandardCharsets.UTF_8)));
      int exit = KeywardCli.run(ctx, invocation.args().toArray(String[]::new));
      return new Shell.Result(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    };
  }

  // --- lab run ----------------------------------------------------------------------------------

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Replay scenario files (or every .yaml file of a directory): print the transcript and"
              + " exit with status 1 when an expectation is not met.")
  static final class Run implements Callable<Integer> {
    @ParentCommand LabCommand lab;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files or directories.")
    List<Path> files = new ArrayList<>();

    @Option(
        names = "--keep",
        description = "Keep each run's lab directory (authority data, stores, machine files).")
    boolean keep;

    @Override
    public Integer call() {
      KeywardCommand root = lab.root;
      PrintStream out = root.ctx.out();
      List<Path> all = new ArrayList<>();
      for (Path given : files) {
        Path p = root.ctx.workingDirectory().resolve(given);
        if (Files.isDirectory(p)) {
          try (Stream<Path> list = Files.list(p)) {
            list.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                .sorted()
                .forEach(f -> all.add(given.resolve(f.getFileName().toString())));
          } catch (IOException e) {
            throw new KeywardException(
                dev.keyward.core.error.FileProblems.reading("The scenario directory", p, e));
          }
        } else {
          all.add(given);
        }
      }
      if (all.isEmpty()) {
        throw new UsageError("No scenario file was given or found.");
      }
      LabRunner runner = new LabRunner(shell(), root.json ? null : out, keep);
      List<ScenarioResult> results = new ArrayList<>();
      for (Path file : all) {
        results.add(runner.run(root.ctx.workingDirectory().resolve(file), file.toString()));
      }
      boolean ok = results.stream().allMatch(ScenarioResult::ok);
      if (root.json) {
        root.printer().object(json(results, ok));
      } else {
        summary(out, results);
      }
      return ok ? KeywardCli.OK : KeywardCli.REFUSED;
    }

    static void summary(PrintStream out, List<ScenarioResult> results) {
      long passed = results.stream().mapToLong(ScenarioResult::passed).sum();
      long failed = results.stream().mapToLong(ScenarioResult::failed).sum();
      long pending = results.stream().mapToLong(ScenarioResult::pending).sum();
      double seconds = results.stream().mapToLong(r -> r.elapsed().toMillis()).sum() / 1000.0;
      for (ScenarioResult r : results) {
        out.printf(
            Locale.ROOT,
            "%-6s %-48s %3d passed, %d failed, %d pending%n",
            r.ok() ? "ok" : "FAILED",
            r.file(),
            r.passed(),
            r.failed(),
            r.pending());
      }
      out.printf(
          Locale.ROOT,
          "lab: %d scenario(s), %d step(s) passed, %d failed, %d pending (%.1f s)%n",
          results.size(),
          passed,
          failed,
          pending,
          seconds);
      if (failed > 0) {
        out.println();
        out.println("Failed steps:");
        for (ScenarioResult r : results) {
          for (StepResult s : r.failures()) {
            out.println("  " + r.where(s) + "  " + s.title());
            if (!s.note().isBlank()) {
              out.println("      " + s.note().replace("\n", "\n      "));
            }
            for (Checks.Mismatch m : s.mismatches()) {
              out.println("      " + m.what() + ": expected " + m.expected());
              out.println("      " + " ".repeat(m.what().length()) + "  actual   " + m.actual());
            }
          }
        }
      }
    }

    static Map<String, Object> json(List<ScenarioResult> results, boolean ok) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", ok);
      o.put("passed", results.stream().mapToLong(ScenarioResult::passed).sum());
      o.put("failed", results.stream().mapToLong(ScenarioResult::failed).sum());
      o.put("pending", results.stream().mapToLong(ScenarioResult::pending).sum());
      List<Object> scenarios = new ArrayList<>();
      for (ScenarioResult r : results) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", r.file());
        s.put("name", r.name());
        s.put("ok", r.ok());
        s.put("passed", r.passed());
        s.put("failed", r.failed());
        s.put("pending", r.pending());
        s.put("milliseconds", r.elapsed().toMillis());
        List<Object> steps = new ArrayList<>();
        for (StepResult step : r.steps()) {
          Map<String, Object> st = new LinkedHashMap<>();
          st.put("line", step.line());
          st.put("step", step.title());
          st.put("status", step.status().name().toLowerCase(Locale.ROOT));
          if (!step.note().isBlank()) {
            st.put("note", step.note());
          }
          if (!step.mismatches().isEmpty()) {
            st.put(
                "mismatches",
                step.mismatches().stream()
                    .map(
                        m -> {
                          Map<String, Object> mm = new LinkedHashMap<>();
                          mm.put("field", m.what());
                          mm.put("expected", m.expected());
                          mm.put("actual", m.actual());
                          return mm;
                        })
                    .toList());
          }
          steps.add(st);
        }
        s.put("steps", steps);
        scenarios.add(s);
      }
      o.put("scenarios", scenarios);
      return o;
    }
  }

  // --- lab new ----------------------------------------------------------------------------------

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = "Write a commented example scenario (to stdout, or -o FILE).")
  static final class New implements Callable<Integer> {
    @ParentCommand LabCommand lab;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE")
    Path output;

    @Override
    public Integer call() {
      write(lab.root, output, ExampleScenario.TEXT, "example scenario");
      return KeywardCli.OK;
    }
  }

  // --- lab machine ------------------------------------------------------------------------------

  @Command(
      name = "machine",
      mixinStandardHelpOptions = true,
      description = "Make and move lab machine files (SPEC §4).",
      subcommands = {Machine.NewMachine.class, Machine.Migrate.class})
  static final class Machine {
    @ParentCommand LabCommand lab;

    @Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = "Write a fresh random machine of a profile (to stdout, or -o FILE).")
    static final class NewMachine implements Callable<Integer> {
      @ParentCommand Machine machine;

      @Option(
          names = "--profile",
          required = true,
          paramLabel = "NAME",
          description = "physical-server, vmware-vm, proxmox-vm or hyperv-vm.")
      String profile;

      @Option(
          names = {"-o", "--output"},
          paramLabel = "FILE")
      Path output;

      @Override
      public Integer call() {
        LabProfile p = profile(profile);
        MachineFacts facts = p.newMachine(new SecureRandom());
        write(
            machine.lab.root,
            output,
            MachineFile.write(facts, Optional.of(p.profileName())),
            p + " machine");
        return KeywardCli.OK;
      }
    }

    @Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description =
            "Rewrite a machine file as a move to another platform would (seed 001): the"
                + " hypervisor's firmware and devices change unless kept.")
    static final class Migrate implements Callable<Integer> {
      @ParentCommand Machine machine;

      @Parameters(paramLabel = "FILE")
      Path file;

      @Option(names = "--to", required = true, paramLabel = "NAME")
      String to;

      @Option(
          names = "--keep",
          split = ",",
          paramLabel = "COMPONENT",
          description = "Components to carry over, e.g. --keep uuid,serial.")
      List<String> keep = new ArrayList<>();

      @Option(
          names = {"-o", "--output"},
          paramLabel = "FILE",
          description = "Write the moved machine here instead of over FILE.")
      Path output;

      @Override
      public Integer call() {
        KeywardCommand root = machine.lab.root;
        LabProfile target = profile(to);
        Set<Component> kept = EnumSet.noneOf(Component.class);
        for (String name : keep) {
          kept.add(
              Component.byName(name.strip())
                  .orElseThrow(
                      () ->
                          new UsageError(
                              "'"
                                  + name
                                  + "' is not a component ("
                                  + Component.allNames()
                                  + ").")));
        }
        Path path = root.ctx.workingDirectory().resolve(file);
        String text = LocalFiles.readText("The machine file", path);
        MachineFile before =
            switch (MachineFile.read(text, file.getFileName().toString(), LabProfile.names())) {
              case MachineFileReading.Loaded loaded -> loaded.file();
              case MachineFileReading.Rejected rejected ->
                  throw new KeywardException(rejected.failure());
            };
        MachineFacts moved = LabProfile.migrate(before.facts(), target, kept, new SecureRandom());
        List<String> changed = new ArrayList<>();
        for (Component c : Component.values()) {
          if (!before.facts().component(c).equals(moved.component(c))) {
            changed.add(c.fileName());
          }
        }
        Path written = output == null ? file : output;
        Path target2 = root.ctx.workingDirectory().resolve(written);
        try {
          Files.writeString(
              target2,
              MachineFile.write(moved, Optional.of(target.profileName())),
              StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw LocalFiles.notWritten("The machine file", target2, e);
        }
        String from = before.profile().orElse("(unknown platform)");
        if (root.json) {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("file", written.toString());
          o.put("from", before.profile().orElse(null));
          o.put("to", target.profileName());
          o.put("changed", changed);
          o.put("kept", kept.stream().map(Component::fileName).toList());
          o.put("ok", true);
          root.printer().object(o);
        } else {
          root.ctx
              .out()
              .println(
                  "Moved "
                      + file
                      + " from "
                      + from
                      + " to "
                      + target
                      + (written.equals(file) ? "" : " into " + written)
                      + ": changed "
                      + (changed.isEmpty() ? "nothing" : String.join(", ", changed))
                      + (kept.isEmpty()
                          ? ""
                          : "; kept "
                              + String.join(", ", kept.stream().map(Component::fileName).toList()))
                      + ".");
        }
        return KeywardCli.OK;
      }
    }
  }

  private static LabProfile profile(String name) {
    return LabProfile.byName(name == null ? "" : name.strip())
        .orElseThrow(
            () ->
                new UsageError(
                    "'" + name + "' is not a lab profile (" + LabProfile.allNames() + ")."));
  }

  /** Text to stdout, or to a file with one line saying so. */
  private static void write(KeywardCommand root, Path output, String text, String what) {
    if (output == null) {
      if (root.json) {
        Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("ok", true);
        o.put("text", text);
        root.printer().object(o);
      } else {
        root.ctx.out().print(text);
      }
      return;
    }
    Path path = root.ctx.workingDirectory().resolve(output);
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LocalFiles.notWritten("The file", path, e);
    }
    if (root.json) {
      root.printer().object(Map.of("ok", true, "file", output.toString()));
    } else {
      root.ctx.out().println("Wrote the " + what + " to " + output + ".");
    }
  }
}
