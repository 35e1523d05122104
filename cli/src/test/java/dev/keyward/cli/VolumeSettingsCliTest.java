package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.MachineFile;
import dev.keyward.machines.LabProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The volume client settings verbs of slmgr, as an administrator types them. */
class VolumeSettingsCliTest {
  @TempDir Path dir;
  private CliRunner cli;

  @BeforeEach
  void machine() throws IOException {
    Files.writeString(
        dir.resolve("m.yaml"),
        MachineFile.write(LabProfile.values()[0].newMachine(new Random(7)), Optional.empty()));
    cli =
        new CliRunner(
            dir, Map.of(), Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC));
    ok("init", "--product", "winserver", "--version", "2022", "--edition", "ServerStandard");
    ok("slmgr", "/ipk", "K8DYQ-F3DK7-2FDRB-XQDFJ-DKKCC");
  }

  private CliRunner.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--store", "store", "--machine", "m.yaml"));
    all.addAll(List.of(args));
    CliRunner.Result r = cli.run(all.toArray(String[]::new));
    assertThat(r.out() + r.err()).as("no stack trace").doesNotContain("\tat ");
    return r;
  }

  private CliRunner.Result ok(String... args) {
    CliRunner.Result r = run(args);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void helpListsEveryVerbAsAvailable() {
    String help = ok("slmgr", "/?").out();
    for (String verb :
        List.of(
            "/skms", "/ckms", "/skms-domain", "/ckms-domain", "/skhc", "/ckhc", "/sai", "/sri")) {
      assertThat(help).contains(verb + " ");
    }
    assertThat(help).doesNotContain("Not available");
  }

  @Test
  void settingsAreKeptAndShown() throws IOException {
    assertThat(ok("slmgr", "/skms", "KMS1.contoso.lan").out())
        .contains("Volume activation host set to kms1.contoso.lan:1688 successfully.");
    ok("slmgr", "/skms-domain", "contoso.lan");
    ok("slmgr", "/ckhc");
    ok("slmgr", "/sai", "120");
    ok("slmgr", "/sri", "10080");
    String dlv = ok("slmgr", "/dlv").out();
    assertThat(dlv)
        .contains("Registered volume activation host: kms1.contoso.lan:1688")
        .contains("contoso.lan")
        .contains("Host caching: disabled")
        .contains("120 minutes")
        .contains("10080 minutes");
    ok("slmgr", "/ckms");
    ok("slmgr", "/ckms-domain");
    ok("slmgr", "/skhc");
    assertThat(ok("slmgr", "/dlv").out())
        .contains("(none, DNS discovery)")
        .contains("Host caching: enabled");
    assertThat(Files.readString(dir.resolve("store/winserver/events.jsonl")))
        .contains("VolumeHostSet")
        .contains("VolumeHostCaching");
  }

  @Test
  void badArgumentsAreRefusedWithTheirCode() {
    for (String[] bad :
        List.of(
            new String[] {"/skms", "kms1:70000"},
            new String[] {"/skms"},
            new String[] {"/skms-domain", "not a domain"},
            new String[] {"/sai", "5"},
            new String[] {"/sri", "forty"},
            new String[] {"/ckms", "extra"})) {
      List<String> args = new ArrayList<>(List.of("--json", "slmgr"));
      args.addAll(List.of(bad));
      CliRunner.Result r = run(args.toArray(String[]::new));
      assertThat(r.exit()).as(String.join(" ", bad) + r).isNotZero();
      assertThat(r.errorCode()).as(r.toString()).isPresent();
    }
    assertThat(ok("slmgr", "/dlv").out()).contains("(none, DNS discovery)");
  }
}
