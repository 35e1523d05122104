package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.key.HmacAuthorityTagger;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward diagnose} without an authority: read-only on a store that must not change (every
 * file's bytes and time, no file added, write permission removed), the healthy answer, the {@code
 * --json} shape and the remedies it shares with {@code keyward explain}.
 */
class DiagnoseCliTest {
  /** A 2022 ServerStandard retail key (group 2011) of an authority this test never starts. */
  private static final ProductKey STD_2022 =
      ProductKeyCodec.encode(
          2011,
          77,
          new HmacAuthorityTagger("offline-test-secret!".getBytes(StandardCharsets.UTF_8)));

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
  }

  @Test
  void aHealthyEvaluationHasNoProblemAndTheFacts() {
    machine.init("2022", "ServerStandardEval");
    CliRunner.Result text = machine.run("diagnose");
    assertThat(text.exit()).as(text.toString()).isZero();
    assertThat(text.out())
        .startsWith("No problem found.")
        .contains("edition: ServerStandardEval")
        .contains("licenseStatus: ExtendedGrace")
        .contains("directory:\n    joined: false")
        .contains("read-only");
    Map<String, Object> json = machine.run("--json", "diagnose").json();
    assertThat(json).containsEntry("problemFound", false).containsEntry("findings", List.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) json.get("facts");
    assertThat(facts)
        .containsEntry("channel", "TIMEBASED_EVAL")
        .containsEntry("rearmRemaining", 5)
        .containsEntry("targetEditions", List.of("ServerStandard", "ServerDatacenter"));
    @SuppressWarnings("unchecked")
    Map<String, Object> authority = (Map<String, Object>) facts.get("authority");
    assertThat(authority).containsEntry("reachable", false);
  }

  @Test
  void itChangesNothingAndWorksOnAStoreThatCannotBeWritten() throws IOException {
    machine.init("2022", "ServerStandardEval");
    assertThat(machine.run("--json", "slmgr", "/ipk", STD_2022.display()).errorCode())
        .contains("0x80070032");
    Path store = dir.resolve("store");
    Map<String, String> before = snapshot(store);
    setWritable(store, false);
    try {
      CliRunner.Result json = machine.run("diagnose", "--json");
      CliRunner.Result text = machine.run("diagnose");
      assertThat(json.exit()).as(json.toString()).isZero();
      assertThat(text.exit()).as(text.toString()).isZero();
      assertThat(firstFinding(json.json())).containsEntry("code", "0x80070032");
      assertThat(text.out()).contains("Finding 1 of 1 [error] 0x80070032 ERROR_NOT_SUPPORTED");
    } finally {
      setWritable(store, true);
    }
    assertThat(snapshot(store)).isEqualTo(before);
  }

  @Test
  void theJsonShapeAndTheRemediesAreTheCataloguesAsExplainShowsThem() {
    machine.init("2022", "ServerStandardEval");
    machine.run("slmgr", "/ipk", STD_2022.display());
    Map<String, Object> finding = firstFinding(machine.run("diagnose", "--json").json());
    assertThat(finding)
        .containsKeys("severity", "code", "name", "summary", "facts", "commands", "remedies")
        .containsEntry("name", "ERROR_NOT_SUPPORTED")
        .containsEntry(
            "commands",
            List.of(
                "keyward dism /online /Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula",
                "keyward restart",
                "keyward slmgr /ato"));
    assertThat(finding.get("facts").toString()).contains("key ending in " + STD_2022.partial());
    Map<String, Object> explained = cli.run("--json", "explain", "0x80070032").json();
    assertThat(finding.get("remedies")).isEqualTo(explained.get("remedies"));
    assertThat(finding.get("remedies")).isEqualTo(ErrorCode.NOT_SUPPORTED.remedies());
  }

  @Test
  void helpSaysItIsReadOnly() {
    CliRunner.Result help = cli.run("diagnose", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Read-only");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstFinding(Map<String, Object> json) {
    List<Object> findings = (List<Object>) json.get("findings");
    assertThat(findings).as(json.toString()).isNotEmpty();
    return (Map<String, Object>) findings.get(0);
  }

  /** Every file of the store: its path, bytes and modification time. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        String key = root.relativize(p).toString();
        files.put(
            key,
            Files.isDirectory(p)
                ? "dir"
                : Files.getLastModifiedTime(p)
                    + " "
                    + java.util.Arrays.hashCode(Files.readAllBytes(p))
                    + " "
                    + Files.size(p));
      }
    }
    return files;
  }

  private static void setWritable(Path root, boolean writable) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        if (writable) {
          perms.add(PosixFilePermission.OWNER_WRITE);
        } else {
          perms.remove(PosixFilePermission.OWNER_WRITE);
          perms.remove(PosixFilePermission.GROUP_WRITE);
          perms.remove(PosixFilePermission.OTHERS_WRITE);
        }
        Files.setPosixFilePermissions(p, perms);
      }
    }
  }
}
