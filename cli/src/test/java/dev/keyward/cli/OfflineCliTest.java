package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.key.HmacAuthorityTagger;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.machines.LabProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI does without any authority: offline checks, output shapes, errors. */
class OfflineCliTest {
  private static final ProductKey STD_2022 =
      ProductKeyCodec.encode(
          2011,
          77,
          new HmacAuthorityTagger("offline-test-secret!".getBytes(StandardCharsets.UTF_8)));

  @TempDir Path dir;
  private OfflineMachine machine;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    // the vendor's keys are trusted (a trust file, as a vendor ships one): activation gets as
    // far as the authority, which cannot be reached
    Path trust = dir.resolve("vendor-trust.json");
    java.security.KeyPair vendor =
        java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Files.writeString(
        trust,
        dev.keyward.core.catalog.TrustDocument.write(
            java.util.List.of(
                new dev.keyward.core.catalog.TrustedKey(
                    "k-vendor",
                    java.util.Base64.getEncoder().encodeToString(vendor.getPublic().getEncoded()))),
            java.util.List.of()));
    machine =
        new OfflineMachine(
            dir,
            Instant.parse("2026-03-01T10:00:00Z"),
            LabProfile.HYPERV_VM.newMachine(new Random(3)),
            Map.of("KEYWARD_TRUST", trust.toString()));
    cli = machine.cli;
  }

  private static void noStackTrace(CliRunner.Result r) {
    assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void explainAcceptsEveryFormOfTheCatalogueLookup() {
    for (String form : new String[] {"0xC004F050", "c004f050", "-1073418160", "3221549136"}) {
      CliRunner.Result r = cli.run("explain", form);
      assertThat(r.exit()).as(form).isZero();
      assertThat(r.out()).startsWith("0xC004F050 SL_E_INVALID_PRODUCT_KEY");
      assertThat(r.out()).contains("Remedies:");
    }
    CliRunner.Result json = cli.run("--json", "explain", "sl_e_invalid_product_key");
    assertThat(json.json()).containsEntry("code", "0xC004F050");
    CliRunner.Result unknown = cli.run("explain", "0x12345678");
    assertThat(unknown.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(unknown.err()).contains("0xC0DE000E KW_E_UNKNOWN_CODE").contains("Remedy:");
    noStackTrace(unknown);
  }

  @Test
  void slmgrVerbsAreCaseInsensitiveInBothForms() {
    machine.init("2022", "ServerStandard");
    for (String verb : new String[] {"/dli", "/DLI", "-dli", "-Dli"}) {
      CliRunner.Result r = machine.run("slmgr", verb);
      assertThat(r.exit()).as(verb).isZero();
      assertThat(r.out()).contains("License Status: InitialGrace");
    }
    assertThat(machine.run("slmgr", "/?").out()).contains("/ipk KEY");
  }

  @Test
  void dliDlvXprAndTheirJsonShape() {
    machine.init("2022", "ServerStandard");
    assertThat(machine.run("slmgr", "/ipk", STD_2022.display()).exit()).isZero();

    CliRunner.Result dli = machine.run("slmgr", "/dli");
    assertThat(dli.out())
        .contains("Name: Windows Server, ServerStandard edition")
        .contains("Description: Windows Server 2022, RETAIL channel")
        .contains("Partial Product Key: " + STD_2022.partial())
        .contains("License Status: InitialGrace")
        .contains("Time remaining: 14400 minute(s) (10 day(s))")
        .doesNotContain(STD_2022.canonical());

    CliRunner.Result dlv = machine.run("slmgr", "/dlv");
    assertThat(dlv.out())
        .contains("Extended PID: ")
        .contains("Product Key Channel: RETAIL")
        .containsPattern("Installation ID: \\d{7}(-\\d{7}){8}\n")
        .contains("Remaining rearm count: 5")
        .contains("Trusted time: 2026-03-01 10:00:00 UTC");

    Map<String, Object> json = machine.run("--json", "slmgr", "/dli").json();
    assertThat(json)
        .containsEntry("product", "winserver")
        .containsEntry("version", "2022")
        .containsEntry("edition", "ServerStandard")
        .containsEntry("channel", "RETAIL")
        .containsEntry("partialProductKey", STD_2022.partial())
        .containsEntry("licenseStatus", "InitialGrace")
        .containsEntry("licenseStatusCode", 2)
        .containsEntry("remainingMinutes", 14400)
        .containsEntry("reason", "0x4004F00C")
        .containsEntry("expires", "2026-03-11T10:00:00Z")
        .containsEntry("rearmRemaining", 5)
        .containsKey("cmid")
        .doesNotContainKey("ok");

    Map<String, Object> xpr = machine.run("--json", "slmgr", "/xpr").json();
    assertThat(xpr).containsEntry("licenseStatus", "InitialGrace").containsKey("expires");
    assertThat(machine.run("slmgr", "/xpr").out()).contains("Initial grace period ends 2026-03-11");

    Map<String, Object> ipk = machine.run("--json", "slmgr", "/ipk", STD_2022.display()).json();
    assertThat(ipk)
        .containsEntry("ok", true)
        .containsEntry("partialProductKey", STD_2022.partial());
  }

  @Test
  void errorsAreCleanInTextAndJson() {
    CliRunner.Result notInit = machine.run("slmgr", "/dli");
    assertThat(notInit.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(notInit.err()).contains("0xC0DE0005").contains("keyward init");
    noStackTrace(notInit);

    machine.init("2022", "ServerStandard");
    CliRunner.Result typo = machine.run("--json", "slmgr", "/ipk", "BCDFG-HJKMP-QRTVW-XY234-6789B");
    assertThat(typo.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(typo.error())
        .containsEntry("code", "0xC004F050")
        .containsEntry("name", "SL_E_INVALID_PRODUCT_KEY")
        .containsKeys("message", "remedy");
    assertThat(typo.err()).isEmpty();

    CliRunner.Result unreachable = machine.run("--json", "slmgr", "/ato");
    assertThat(unreachable.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(unreachable.errorCode()).contains("0xC004F014");

    machine.run("slmgr", "/ipk", STD_2022.display());
    CliRunner.Result down = machine.run("slmgr", "/ato");
    assertThat(down.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(down.err()).contains("0x80072EFD");
    noStackTrace(down);

    CliRunner.Result usage = cli.run("init", "--product");
    assertThat(usage.exit()).isEqualTo(KeywardCli.USAGE);
    noStackTrace(usage);
    CliRunner.Result usageJson = cli.run("--json", "slmgr", "/nope");
    assertThat(usageJson.exit()).isEqualTo(KeywardCli.USAGE);
    assertThat(usageJson.errorCode()).contains("0xC0DE000B");

    CliRunner.Result badMachine =
        cli.run("--store", "store", "--machine", "missing.yaml", "slmgr", "/dli");
    // a machine file that cannot be read is refused by status reads as by /ato (issue 11 item 3)
    assertThat(badMachine.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(badMachine.err()).contains("missing.yaml");
    noStackTrace(badMachine);
    Path bad = dir.resolve("bad.yaml");
    try {
      Files.writeString(bad, "components: [1, 2]\n");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    CliRunner.Result badAto = cli.run("--store", "store", "--machine", "bad.yaml", "slmgr", "/ato");
    assertThat(badAto.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(badAto.err()).contains("bad.yaml");
    noStackTrace(badAto);
  }

  @Test
  void restartSaysNothingIsPending() {
    // a store of the test's own: the default one (~/.keyward/store) belongs to whoever runs it
    assertThat(cli.run("--store", "empty-store", "restart").out()).contains("Nothing is pending");
    assertThat(cli.run("--json", "--store", "empty-store", "restart").json())
        .containsEntry("ok", true);
  }

  @Test
  void authorityServeHandsItsFlagsToTheAuthority() {
    CliRunner.Result help = cli.run("authority", "serve", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--allow-simulated-machines").contains("--port N");
    CliRunner.Result bad = cli.run("authority", "serve", "--port", "nope");
    assertThat(bad.exit()).isEqualTo(KeywardCli.USAGE);
    assertThat(bad.err()).contains("--port");
    noStackTrace(bad);
  }
}
