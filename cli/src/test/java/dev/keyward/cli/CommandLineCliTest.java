package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.machines.LabProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as administrators meet it: help on every command, the names they type, exit
 * codes as docs/cli.md gives them, and one JSON object with {@code --json} whatever happens.
 */
class CommandLineCliTest {
  @TempDir Path dir;
  private OfflineMachine machine;
  private CliRunner cli;

  @BeforeEach
  void setUp() {
    machine =
        new OfflineMachine(
            dir,
            Instant.parse("2026-03-01T10:00:00Z"),
            LabProfile.HYPERV_VM.newMachine(new Random(3)));
    cli = machine.cli;
    machine.init("2022", "ServerStandard");
  }

  /** Every command's path below {@code keyward}, aliases included, from picocli's own tree. */
  private static List<List<String>> everyCommand() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    KeywardCli.Context ctx =
        new KeywardCli.Context(
            sink, sink, Map.of(), Clock.systemUTC(), () -> null, Path.of("."), false);
    CommandLine root = KeywardCli.commandLine(new KeywardCommand(ctx));
    List<List<String>> paths = new ArrayList<>();
    walk(root, List.of(), paths, Collections.newSetFromMap(new IdentityHashMap<>()));
    return paths;
  }

  private static void walk(
      CommandLine cl, List<String> path, List<List<String>> paths, Set<CommandLine> seen) {
    paths.add(path);
    if (!seen.add(cl)) {
      return;
    }
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> next = new ArrayList<>(path);
              next.add(name);
              walk(sub, next, paths, seen);
            });
  }

  @Test
  void helpWorksOnEveryCommandAndSubCommandWhateverItRequires() {
    List<List<String>> commands = everyCommand();
    assertThat(commands)
        .contains(
            List.of("init"),
            List.of("admin", "keys", "issue"),
            List.of("admin", "keys", "downgrade"),
            List.of("compliance", "report"),
            List.of("evidence", "verify"),
            List.of("dism"),
            List.of("cscript"))
        .hasSizeGreaterThan(40);
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      CliRunner.Result r = cli.run(args.toArray(String[]::new));
      assertThat(r.exit()).as("%s\n%s", args, r).isZero();
      assertThat(r.out()).as("%s", args).contains("Usage:");
      assertThat(r.err()).as("%s", args).isEmpty();
      // a path is never cut in two at the end of a line ("default: ." then "/keyward-data/…")
      assertThat(r.out()).as("%s", args).doesNotContainPattern("(?m)[ (]\\.$|[A-Za-z-]/$");

      args.add(0, "--json");
      CliRunner.Result json = cli.run(args.toArray(String[]::new));
      assertThat(json.exit()).as("%s\n%s", args, json).isZero();
      assertThat((String) json.json().get("help")).as("%s", args).contains("Usage:");
    }
  }

  @Test
  void theNamesAdministratorsTypeAreAccepted() {
    CliRunner.Result plain = machine.run("slmgr", "/dli");
    assertThat(plain.exit()).as("%s", plain).isZero();
    assertThat(plain.out()).contains("License Status: InitialGrace");
    List<List<String>> forms =
        List.of(
            List.of("SLMGR", "/DLI"),
            List.of("Slmgr", "/dli"),
            List.of("slmgr.vbs", "/dli"),
            List.of("SLMGR.VBS", "/Dli"),
            List.of("cscript", "slmgr.vbs", "/dli"),
            List.of("CScript", "//NoLogo", "C:\\Windows\\System32\\slmgr.vbs", "-DLI"),
            List.of("slmgr", "-dli"));
    for (List<String> form : forms) {
      CliRunner.Result r = machine.run(form.toArray(String[]::new));
      assertThat(r.exit()).as("%s\n%s", form, r).isZero();
      assertThat(r.out()).as("%s", form).isEqualTo(plain.out());
    }
    // the verb runs: no key is installed yet, so /ato is refused for that, not for its name
    CliRunner.Result ato = machine.run("SLMGR", "/ATO");
    assertThat(ato.exit()).as("%s", ato).isEqualTo(KeywardCli.REFUSED);
    assertThat(ato.err()).doesNotContain("KW_E_USAGE");
    assertThat(machine.run("DISM", "/Online", "/Get-CurrentEdition").out())
        .contains("Current Edition : ServerStandard");
    assertThat(machine.run("cscript", "other.vbs", "/dli").exit()).isEqualTo(KeywardCli.USAGE);
  }

  @Test
  void usageMistakesExitTwoWithTheUsageCode() {
    String[][] mistakes = {
      {"slmgr", "/foo"},
      {"slmgr", "/ipk"},
      {"slmgr", "/dli", "extra"},
      {"dism", "/online"},
      {"dism", "/Get-CurrentEdition"},
      {"dism", "/online", "/Frobnicate"},
      {"evidence"},
      {"init", "--product", "winserver"},
      {"explain"},
      {"--nope", "slmgr", "/dli"}
    };
    for (String[] mistake : mistakes) {
      CliRunner.Result text = machine.run(mistake);
      assertThat(text.exit()).as("%s\n%s", List.of(mistake), text).isEqualTo(KeywardCli.USAGE);
      assertThat(text.out()).as("%s", List.of(mistake)).isEmpty();
      List<String> json = new ArrayList<>(List.of("--json"));
      json.addAll(List.of(mistake));
      CliRunner.Result j = machine.run(json.toArray(String[]::new));
      assertThat(j.exit()).as("%s\n%s", json, j).isEqualTo(KeywardCli.USAGE);
      assertThat(j.errorCode()).as("%s", json).contains("0xC0DE000B");
      assertThat((String) j.error().get("remedy")).doesNotContain("Update the client");
    }
    for (String[] help : new String[][] {{"slmgr", "/?"}, {"dism", "/?"}, {"dism", "--help"}}) {
      assertThat(machine.run(help).exit()).as("%s", List.of(help)).isZero();
      List<String> json = new ArrayList<>(List.of("--json"));
      json.addAll(List.of(help));
      CliRunner.Result j = machine.run(json.toArray(String[]::new));
      assertThat(j.json()).as("%s", json).containsEntry("ok", true).containsKey("help");
    }
    assertThat(cli.run("--json", "--version").json()).containsEntry("ok", true);
    assertThat(cli.run("--json").json()).containsKey("help");
    assertThat(cli.run("--json", "lab", "new").json()).containsKey("text");
  }
}
