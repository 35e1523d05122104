package dev.keyward.lab.run;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.VendorTrust;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.ChannelPolicy;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.LabProfile;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.json.Json;
import dev.keyward.core.time.DurationText;
import dev.keyward.lab.run.Checks.Mismatch;
import dev.keyward.lab.run.Checks.Outcome;
import dev.keyward.lab.scenario.Expectation;
import dev.keyward.lab.scenario.KeySpec;
import dev.keyward.lab.scenario.MachineSpec;
import dev.keyward.lab.scenario.Scenario;
import dev.keyward.lab.scenario.ScenarioParser;
import dev.keyward.lab.scenario.ScenarioReading;
import dev.keyward.lab.scenario.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Replays a scenario file (SPEC §14): one {@link VirtualClock} shared by an in-process authority
 * ({@link LabAuthority}) and the simulated machines, each with its own store and machine file,
 * driven through the keyward command ({@link Shell}) as an administrator would type it.
 *
 * <p>Before step 1 the authority issues the {@code keys:} and every machine records its
 * installation ({@code keyward init}). Each step then runs and its expectations are checked ({@link
 * Checks}); a step marked {@code pending} is reported PENDING with its reason, never run and never
 * counted as passed. A failed step does not stop the scenario: the later steps run and are reported
 * too, so one run shows every difference.
 *
 * <p>A {@code run:} step runs on the console of its machine, in text, for the transcript. When it
 * expects {@code --json} fields, a command that only looks ({@link CommandText#readOnly}) runs a
 * second time with {@code --json}; a command that changes something runs once, with {@code --json},
 * and the transcript shows the notices and message its answer carries (what the text would print).
 */
public final class LabRunner {
  /** Where the virtual clock starts: a fixed Monday morning, so that transcripts repeat. */
  public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final Pattern TEXT_ERROR =
      Pattern.compile("(?m)^Error: (0x[0-9A-Fa-f]{8}) \\S+\\R(.*)$");

  private final Shell shell;
  private final PrintStream out;
  private final boolean keep;

  /**
   * @param shell runs keyward command lines
   * @param transcript where the transcript goes; null for none
   * @param keep keep each run's lab directory (authority data, stores, machine files) and say where
   */
  public LabRunner(Shell shell, PrintStream transcript, boolean keep) {
    this.shell = shell;
    this.out = transcript;
    this.keep = keep;
  }

  /** Reads and replays one scenario file, named as the user gave it. */
  public ScenarioResult run(Path file, String displayName) {
    long started = System.nanoTime();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return setupFailure(
          displayName, displayName, "cannot read the scenario file: " + e.getMessage(), started);
    }
    return switch (ScenarioParser.parse(text, displayName)) {
      case ScenarioReading.Rejected rejected -> {
        say("== " + displayName);
        say("Error: " + rejected.failure());
        yield setupFailure(displayName, displayName, rejected.failure().message(), started);
      }
      case ScenarioReading.Read read -> run(read.scenario(), started);
    };
  }

  private ScenarioResult setupFailure(String file, String name, String why, long started) {
    return new ScenarioResult(
        file,
        name,
        List.of(StepResult.failed(0, "scenario file", why)),
        Duration.ofNanos(System.nanoTime() - started));
  }

  // --- one scenario ---------------------------------------------------------------------------

  private ScenarioResult run(Scenario scenario, long started) {
    Run run = new Run(scenario);
    say("== " + scenario.name() + " (" + scenario.file() + ")");
    Path dir = null;
    try {
      dir = Files.createTempDirectory("keyward-lab-");
      run.execute(dir);
    } catch (IOException e) {
      run.results.add(StepResult.failed(0, "lab directory", e.getMessage()));
    } finally {
      if (dir != null) {
        if (keep) {
          say("   (lab directory kept: " + dir + ")");
        } else {
          deleteTree(dir);
        }
      }
    }
    ScenarioResult result =
        new ScenarioResult(
            scenario.file(),
            scenario.name(),
            run.results,
            Duration.ofNanos(System.nanoTime() - started));
    say("");
    say(
        "== "
            + scenario.name()
            + ": "
            + result.passed()
            + " passed, "
            + result.failed()
            + " failed, "
            + result.pending()
            + " pending ("
            + seconds(result.elapsed())
            + ")");
    say("");
    return result;
  }

  /** The state of one scenario's run. */
  private final class Run {
    final Scenario scenario;
    final List<StepResult> results = new ArrayList<>();
    final Map<String, String> keys = new LinkedHashMap<>();
    final Map<String, LabMachine> machines = new LinkedHashMap<>();
    final Random random;
    VirtualClock clock;
    LabAuthority authority;
    Path dir;
    Catalog catalog;
    String unreachable;

    Run(Scenario scenario) {
      this.scenario = scenario;
      this.random = new Random(scenario.name().hashCode());
    }

    void execute(Path labDir) throws IOException {
      this.dir = labDir;
      clock = new VirtualClock(START);
      if (!scenario.catalog().equals("builtin:winserver")) {
        results.add(
            StepResult.failed(
                0,
                "catalog " + scenario.catalog(),
                "the lab's machines run the keyward command, which knows the built-in catalog"
                    + " (builtin:winserver) only; other catalogs are not supported yet"));
        return;
      }
      catalog = CatalogLoader.winserver();
      unreachable = "http://127.0.0.1:" + closedPort();
      try {
        authority = LabAuthority.start(dir.resolve("authority"), scenario.catalog(), clock);
      } catch (RuntimeException e) {
        results.add(StepResult.failed(0, "lab authority", "it cannot start: " + e.getMessage()));
        return;
      }
      try {
        say(
            "   lab authority "
                + authority.uri()
                + ", virtual clock "
                + DATE.format(clock.instant())
                + ", simulated machines allowed");
        if (setup()) {
          for (Step step : scenario.steps()) {
            results.add(step(step));
          }
        }
      } finally {
        authority.close();
      }
    }

    // --- setup: keys, then machines ---------------------------------------------------------

    boolean setup() {
      for (KeySpec spec : scenario.keys().values().stream().sorted(byName()).toList()) {
        String title = "key " + spec.name();
        try {
          Product product = product(spec.product());
          String key = authority.issue(spec, product);
          keys.put(spec.name(), key);
          say(
              "   key "
                  + spec.name()
                  + ": "
                  + spec.version()
                  + " "
                  + spec.edition().orElse("(any edition)")
                  + " "
                  + spec.channel()
                  + (spec.pool().isPresent() ? " pool " + spec.pool().getAsInt() : "")
                  + "  "
                  + key);
        } catch (RuntimeException e) {
          results.add(StepResult.failed(0, title, "it cannot be issued: " + message(e)));
          say("   [FAIL] " + title + ": " + message(e));
          return false;
        }
      }
      for (MachineSpec spec : scenario.machines().values().stream().sorted(byMachine()).toList()) {
        String title = "machine " + spec.name();
        try {
          Product product = product(spec.product());
          MachineFacts facts = spec.profile().newMachine(random);
          if (spec.oem()) {
            String marker =
                product
                    .channel(Channel.OEM)
                    .flatMap(ChannelPolicy::oemMarker)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "oem: true, but the catalog's OEM channel has no oemMarker"));
            facts = new MachineFacts(facts.components(), Optional.of(marker), true);
          }
          LabMachine m =
              new LabMachine(
                  spec.name(),
                  product.id(),
                  spec.profile(),
                  facts,
                  dir.resolve("store-" + spec.name()),
                  dir.resolve(spec.name() + ".machine.yaml"));
          m.write();
          machines.put(m.name, m);
          say(
              "   machine "
                  + m.name
                  + ": "
                  + spec.profile()
                  + (spec.oem() ? " with the OEM marker" : "")
                  + ", "
                  + product.id()
                  + " "
                  + spec.version()
                  + " "
                  + spec.edition());
          Shell.Result init =
              shell(
                  m,
                  List.of(
                      "init",
                      "--product",
                      product.id(),
                      "--version",
                      spec.version(),
                      "--edition",
                      spec.edition()),
                  false);
          if (init.exit() != 0) {
            String why = (init.out() + init.err()).strip();
            results.add(StepResult.failed(0, title, "keyward init failed: " + why));
            say("   [FAIL] " + title + ": keyward init failed: " + why);
            return false;
          }
        } catch (RuntimeException e) {
          results.add(StepResult.failed(0, title, message(e)));
          say("   [FAIL] " + title + ": " + message(e));
          return false;
        }
      }
      return true;
    }

    private Product product(Optional<String> id) {
      if (id.isPresent()) {
        return catalog
            .product(id.get())
            .orElseThrow(
                () -> new IllegalArgumentException("no product '" + id.get() + "' in the catalog"));
      }
      if (catalog.products().size() != 1) {
        throw new IllegalArgumentException("name the product: the catalog has several");
      }
      return catalog.products().get(0);
    }

    // --- steps ------------------------------------------------------------------------------

    StepResult step(Step step) {
      String title = title(step);
      if (step.pending().isPresent()) {
        say("");
        say("-- PENDING " + scenario.file() + ":" + step.line() + " " + title);
        say("   (" + step.pending().get() + ")");
        return new StepResult(
            step.line(), title, StepResult.Status.PENDING, List.of(), step.pending().get());
      }
      try {
        return switch (step) {
          case Step.Run r -> run(r, title);
          case Step.Support s -> support(s, title);
          case Step.Advance a -> {
            Instant now = clock.advance(a.by());
            note(title + ": the clock is now " + DATE.format(now));
            yield StepResult.passed(step.line(), title);
          }
          case Step.Migrate mg -> migrate(mg, title);
          case Step.Clone c -> cloneMachine(c, title);
          case Step.Generalize g -> generalize(g, title);
          case Step.Hardware hw -> hardware(hw, title);
          case Step.Network n -> network(n, title);
        };
      } catch (RuntimeException e) {
        say("   [FAIL] " + scenario.file() + ":" + step.line() + ": " + message(e));
        return StepResult.failed(step.line(), title, message(e));
      }
    }

    private String title(Step step) {
      return switch (step) {
        case Step.Run r -> r.machine() + "> " + CommandText.substitute(r.command(), keys);
        case Step.Support s ->
            "support> "
                + s.action()
                + " "
                + s.key()
                + (s.by() > 0 ? " by " + s.by() : "")
                + s.version().map(v -> " to " + v).orElse("")
                + s.as().map(a -> " as " + a).orElse("")
                + " (reason: "
                + s.reason()
                + ")";
        case Step.Advance a -> "advance " + DurationText.format(a.by());
        case Step.Migrate m ->
            "migrate "
                + m.machine()
                + " to "
                + m.to()
                + (m.keep().isEmpty() ? "" : " keeping " + names(m.keep()));
        case Step.Clone c -> "clone " + c.machine() + " as " + c.as();
        case Step.Generalize g -> "generalize " + g.machine();
        case Step.Hardware h -> "hardware " + h.machine() + ": " + names(h.change());
        case Step.Network n ->
            "network " + n.machine() + (n.connected() ? " restore " : " cut ") + n.target();
      };
    }

    private StepResult run(Step.Run step, String title) {
      LabMachine m = machine(step.machine());
      List<String> words = CommandText.words(CommandText.substitute(step.command(), keys));
      if (words.isEmpty()) {
        throw new IllegalArgumentException("the run: command is empty");
      }
      boolean wantsFields =
          step.expect().fields().keySet().stream()
              .anyMatch(k -> !k.equals("error") && !k.equals("ok") && !k.equals("output"));
      say("");
      say(title);
      Outcome outcome;
      if (!wantsFields || CommandText.readOnly(words)) {
        Shell.Result text = shell(m, words, false);
        print(text.out() + text.err());
        Map<String, Object> json = null;
        if (wantsFields) {
          json = Json.readObject(shell(m, words, true).out()).orElse(null);
          if (json != null && json.containsKey("error")) {
            json = null;
          }
        }
        Matcher error = TEXT_ERROR.matcher(text.err());
        boolean failed = text.exit() != 0;
        outcome =
            new Outcome(
                text.exit(),
                failed && error.find() ? Optional.of(error.group(1)) : Optional.empty(),
                failed ? text.err() : "",
                json,
                text.out() + text.err());
      } else {
        Shell.Result answer = shell(m, words, true);
        Optional<Map<String, Object>> json = Json.readObject(answer.out());
        String shown = json.map(LabRunner::render).orElse(answer.out() + answer.err());
        print(shown);
        Optional<String> code = json.flatMap(LabRunner::errorCode);
        outcome =
            new Outcome(
                answer.exit(),
                code,
                code.isPresent() ? errorMessage(json.get()) : answer.err(),
                code.isPresent() ? null : json.orElse(null),
                shown);
      }
      return verdict(step.line(), title, Checks.check(expected(step.expect()), outcome));
    }

    /** The expectation with {@code {name}} placeholders in its text values replaced by keys. */
    private Expectation expected(Expectation e) {
      Map<String, Object> fields = new LinkedHashMap<>();
      e.fields()
          .forEach(
              (k, v) -> fields.put(k, v instanceof String s ? CommandText.substitute(s, keys) : v));
      return new Expectation(fields);
    }

    private StepResult support(Step.Support s, String title) {
      String key =
          Optional.ofNullable(keys.get(s.key()))
              .orElseThrow(() -> new IllegalArgumentException("no key named '" + s.key() + "'"));
      String path = "/v1/admin/keys/" + LabAuthority.keyPath(key) + "/";
      Map<String, Object> body = new LinkedHashMap<>();
      switch (s.action()) {
        case "release", "block", "unblock" -> path += s.action();
        case "extend" -> {
          path += "extend";
          body.put("by", s.by());
        }
        case "downgrade" -> {
          path += "downgrade";
          body.put("version", s.version().orElseThrow());
        }
        default -> throw new IllegalArgumentException("unknown support action " + s.action());
      }
      body.put("reason", s.reason());
      say("");
      say(title);
      Outcome outcome;
      try {
        Map<String, Object> answer = authority.post(path, body);
        if (s.action().equals("downgrade") && answer.get("key") instanceof String issued) {
          keys.put(s.as().orElseThrow(), issued);
        }
        String shown = summary(answer);
        print(shown);
        outcome = new Outcome(0, Optional.empty(), "", answer, shown);
      } catch (KeywardException e) {
        String shown =
            "Error: "
                + e.code().hex()
                + " "
                + e.code().symbolicName()
                + "\n"
                + e.failure().message();
        print(shown);
        outcome = new Outcome(1, Optional.of(e.code().hex()), e.failure().message(), null, shown);
      }
      return verdict(s.line(), title, Checks.check(expected(s.expect()), outcome));
    }

    private StepResult migrate(Step.Migrate step, String title) {
      LabMachine m = machine(step.machine());
      MachineFacts before = m.facts;
      LabProfile from = m.profile;
      m.facts = LabProfile.migrate(before, step.to(), step.keep(), random);
      m.profile = step.to();
      m.write();
      note(
          title
              + ": "
              + from
              + " -> "
              + step.to()
              + ", changed: "
              + names(changed(before, m.facts))
              + (m.facts.oemMarker().isEmpty() && before.oemMarker().isPresent()
                  ? " (the new firmware has no OEM marker)"
                  : ""));
      return StepResult.passed(step.line(), title);
    }

    private StepResult cloneMachine(Step.Clone step, String title) {
      LabMachine m = machine(step.machine());
      LabMachine copy =
          new LabMachine(
              step.as(),
              m.product,
              m.profile,
              m.facts,
              dir.resolve("store-" + step.as()),
              dir.resolve(step.as() + ".machine.yaml"));
      copy.connected = m.connected;
      copyTree(m.store, copy.store);
      copy.write();
      machines.put(copy.name, copy);
      note(title + ": disk, license store and machine file copied (same hardware, same CMID)");
      return StepResult.passed(step.line(), title);
    }

    private StepResult generalize(Step.Generalize step, String title) {
      LabMachine m = machine(step.machine());
      LicenseInfo info =
          KeywardClient.builder()
              .store(m.store)
              .machine(() -> m.facts)
              .authority(java.net.URI.create(url(m)))
              .trust(VendorTrust.read(authority.trustFile()))
              .clock(clock)
              .build()
              .generalize();
      note(title + ": new client machine ID " + info.cmid());
      return StepResult.passed(step.line(), title);
    }

    private StepResult hardware(Step.Hardware step, String title) {
      LabMachine m = machine(step.machine());
      MachineFacts fresh = m.profile.newMachine(random);
      MachineFacts next = m.facts;
      for (Component c : step.change()) {
        String value =
            fresh.component(c).orElse("changed-" + Integer.toHexString(random.nextInt()));
        if (value.equals(next.component(c).orElse(null))) {
          value = value + "-2";
        }
        next = next.with(c, value);
      }
      m.facts = next;
      m.write();
      note(title + " replaced");
      return StepResult.passed(step.line(), title);
    }

    private StepResult network(Step.Network step, String title) {
      LabMachine m = machine(step.machine());
      if (!step.target().equals("authority")) {
        throw new IllegalArgumentException(
            "only the authority can be cut off or restored in this version (network: M, cut:"
                + " authority); volume hosts and directories come later");
      }
      m.connected = step.connected();
      note(
          title
              + (step.connected()
                  ? ": it reaches the authority again"
                  : ": its authority address now leads nowhere (" + unreachable + ")"));
      return StepResult.passed(step.line(), title);
    }

    // --- helpers ----------------------------------------------------------------------------

    private LabMachine machine(String name) {
      LabMachine m = machines.get(name);
      if (m == null) {
        throw new IllegalArgumentException("no machine named '" + name + "'");
      }
      return m;
    }

    private String url(LabMachine m) {
      return m.connected ? authority.uri().toString() : unreachable;
    }

    private Shell.Result shell(LabMachine m, List<String> words, boolean json) {
      List<String> args = new ArrayList<>();
      args.addAll(
          List.of(
              "--store",
              m.store.toString(),
              "--machine",
              m.file.toString(),
              "--authority",
              url(m),
              // the lab is the vendor: its machines trust the lab authority's keys
              "--trust",
              authority.trustFile().toString()));
      if (json) {
        args.add("--json");
      }
      args.addAll(words);
      return shell.run(
          new Shell.Invocation(args, dir, clock, Map.of("KEYWARD_TOKEN", authority.adminToken())));
    }

    private StepResult verdict(int line, String title, List<Mismatch> mismatches) {
      if (mismatches.isEmpty()) {
        say("   [pass]");
        return StepResult.passed(line, title);
      }
      say("   [FAIL] " + scenario.file() + ":" + line);
      for (Mismatch m : mismatches) {
        say("          " + m.what() + ": expected " + m.expected());
        say("          " + " ".repeat(m.what().length()) + "  actual   " + m.actual());
      }
      return new StepResult(line, title, StepResult.Status.FAILED, mismatches, "");
    }

    private void note(String text) {
      say("");
      say("-- " + text);
    }
  }

  // --- rendering --------------------------------------------------------------------------------

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

  private static Optional<String> errorCode(Map<String, Object> json) {
    return json.get("error") instanceof Map<?, ?> error && error.get("code") instanceof String c
        ? Optional.of(c)
        : Optional.empty();
  }

  private static String errorMessage(Map<String, Object> json) {
    return json.get("error") instanceof Map<?, ?> error ? String.valueOf(error.get("message")) : "";
  }

  /** An admin answer in one line: {@code field: value, …}. */
  static String summary(Map<String, Object> answer) {
    return answer.entrySet().stream()
            .filter(e -> !e.getKey().equals("key") || !(e.getValue() instanceof String))
            .map(e -> e.getKey() + ": " + Checks.show(e.getValue()))
            .collect(Collectors.joining(", "))
        + (answer.get("key") instanceof String k ? "\nkey: " + k : "");
  }

  private static List<Component> changed(MachineFacts before, MachineFacts after) {
    List<Component> changed = new ArrayList<>();
    for (Component c : Component.values()) {
      if (!before.component(c).equals(after.component(c))) {
        changed.add(c);
      }
    }
    return changed;
  }

  private static String names(java.util.Collection<Component> components) {
    if (components.isEmpty()) {
      return "nothing";
    }
    Set<Component> sorted = EnumSet.copyOf(components);
    return sorted.stream().map(Component::fileName).collect(Collectors.joining(", "));
  }

  private static Comparator<KeySpec> byName() {
    return Comparator.comparing(KeySpec::name);
  }

  private static Comparator<MachineSpec> byMachine() {
    return Comparator.comparing(MachineSpec::name);
  }

  private static String message(RuntimeException e) {
    if (e instanceof KeywardException k) {
      return k.code().hex() + " " + k.code().symbolicName() + ": " + k.failure().message();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void say(String line) {
    if (out != null) {
      out.println(line);
    }
  }

  private void print(String text) {
    if (out != null && !text.isEmpty()) {
      out.print(text.endsWith("\n") ? text : text + "\n");
    }
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing the run
    }
  }
}
