package dev.keyward.lab.run;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.lab.scenario.Scenario;
import dev.keyward.lab.scenario.ScenarioParser;
import dev.keyward.lab.scenario.ScenarioReading;
import dev.keyward.lab.scenario.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a scenario file (SPEC §14): one {@link VirtualClock} shared by an in-process authority
 * ({@link LabAuthority}) and the simulated machines, each with its own store and machine file,
 * driven through the keyward command ({@link Shell}) as an administrator would type it.
 *
 * <p>Before step 1 the authority issues the {@code keys:} and every machine records its
 * installation ({@link LabSetup}). Each step then runs through the executor of its kind ({@link
 * StepRunner}) and its expectations are checked ({@link Checks}); a step marked {@code pending} is
 * reported PENDING with its reason, never run and never counted as passed. A failed step does not
 * stop the scenario: the later steps run and are reported too, so one run shows every difference.
 */
public final class LabRunner {
  /** Where the virtual clock starts: a fixed Monday morning, so that transcripts repeat. */
  public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  private final Shell shell;
  private final Transcript transcript;
  private final boolean keep;

  /**
   * @param shell runs keyward command lines
   * @param transcript where the transcript goes; null for none
   * @param keep keep each run's lab directory (authority data, stores, machine files) and say where
   */
  public LabRunner(Shell shell, PrintStream transcript, boolean keep) {
    this.shell = shell;
    this.transcript = new Transcript(transcript);
    this.keep = keep;
  }

  /** Reads and replays one scenario file, named as the user gave it. */
  public ScenarioResult run(Path file, String displayName) {
    long started = System.nanoTime();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return setupFailure(displayName, "cannot read the scenario file: " + e.getMessage(), started);
    }
    return switch (ScenarioParser.parse(text, displayName)) {
      case ScenarioReading.Rejected rejected -> {
        transcript.say("== " + displayName);
        transcript.say("Error: " + rejected.failure());
        yield setupFailure(displayName, rejected.failure().message(), started);
      }
      case ScenarioReading.Read read -> run(read.scenario(), started);
    };
  }

  private ScenarioResult setupFailure(String file, String why, long started) {
    return new ScenarioResult(
        file,
        file,
        List.of(StepResult.failed(0, "scenario file", why)),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private ScenarioResult run(Scenario scenario, long started) {
    List<StepResult> results = new ArrayList<>();
    transcript.say("== " + scenario.name() + " (" + scenario.file() + ")");
    Path dir = null;
    try {
      dir = Files.createTempDirectory("keyward-lab-");
      replay(scenario, dir, results);
    } catch (IOException e) {
      results.add(StepResult.failed(0, "lab directory", e.getMessage()));
    } finally {
      if (dir != null) {
        if (keep) {
          transcript.say("   (lab directory kept: " + dir + ")");
        } else {
          LabFiles.deleteTree(dir);
        }
      }
    }
    ScenarioResult result =
        new ScenarioResult(
            scenario.file(),
            scenario.name(),
            results,
            Duration.ofNanos(System.nanoTime() - started));
    transcript.say("");
    transcript.say(
        "== "
            + scenario.name()
            + ": "
            + result.passed()
            + " passed, "
            + result.failed()
            + " failed, "
            + result.pending()
            + " pending ("
            + Transcript.seconds(result.elapsed())
            + ")");
    transcript.say("");
    return result;
  }

  /** Starts the lab authority, sets up keys and machines, runs the steps; results go to RESULTS. */
  private void replay(Scenario scenario, Path dir, List<StepResult> results) throws IOException {
    VirtualClock clock = new VirtualClock(START);
    if (!scenario.catalog().equals("builtin:winserver")) {
      results.add(
          StepResult.failed(
              0,
              "catalog " + scenario.catalog(),
              "the lab's machines run the keyward command, which knows the built-in catalog"
                  + " (builtin:winserver) only; other catalogs are not supported yet"));
      return;
    }
    Catalog catalog = CatalogLoader.winserver();
    String unreachable = "http://127.0.0.1:" + LabFiles.closedPort();
    LabAuthority authority;
    try {
      authority = LabAuthority.start(dir.resolve("authority"), scenario.catalog(), clock);
    } catch (RuntimeException e) {
      results.add(StepResult.failed(0, "lab authority", "it cannot start: " + e.getMessage()));
      return;
    }
    LabSession lab =
        new LabSession(scenario, shell, transcript, dir, clock, catalog, authority, unreachable);
    try {
      transcript.say(
          "   lab authority "
              + authority.uri()
              + ", virtual clock "
              + Transcript.DATE.format(clock.instant())
              + ", simulated machines allowed");
      if (new LabSetup(lab).run()) {
        StepRunner steps = new StepRunner(lab);
        for (Step step : scenario.steps()) {
          lab.results.add(steps.step(step));
        }
      }
    } finally {
      results.addAll(lab.results);
      lab.hosts.close();
      lab.vmHosts.close();
      lab.directories.close();
      lab.dns.close();
      authority.close();
    }
  }
}
