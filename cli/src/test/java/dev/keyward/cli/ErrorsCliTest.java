package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors that fit: each names the file and what is wrong with it in words, with a remedy that fits
 * (never "update the client" for a local problem), and no Java exception text.
 */
class ErrorsCliTest {
  @TempDir Path dir;
  private CliRunner cli;

  @BeforeEach
  void setUp() {
    cli =
        new CliRunner(
            dir,
            Map.of("KEYWARD_AUTHORITY", "http://127.0.0.1:9"),
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
  }

  /** Refused with {@code code}, in text and in JSON; returns the text-mode stderr. */
  private String refused(String code, String... args) {
    CliRunner.Result text = cli.run(args);
    assertThat(text.exit()).as("%s", text).isEqualTo(KeywardCli.REFUSED);
    String all = text.out() + text.err();
    assertThat(all)
        .contains("Error: " + code)
        .contains("Remedy:")
        .doesNotContain("Exception")
        .doesNotContain("Input length")
        .doesNotContain("This is a bug")
        .doesNotContain("\tat ")
        .doesNotContain("Update the client");
    String[] json = new String[args.length + 1];
    json[0] = "--json";
    System.arraycopy(args, 0, json, 1, args.length);
    CliRunner.Result j = cli.run(json);
    assertThat(j.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(j.errorCode()).contains(code.split(" ")[0]);
    return text.err();
  }

  @Test
  void filesAreNamedWithWhatIsWrongInWords() throws Exception {
    Files.write(
        dir.resolve("latin1.yaml"), "hosts: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(refused("0xC0DE000C KW_E_FILE_NOT_USABLE", "compliance", "report", "latin1.yaml"))
        .contains(dir.resolve("latin1.yaml") + " is not UTF-8 text");
    assertThat(refused("0xC0DE000C", "compliance", "report", "missing.yaml"))
        .contains(dir.resolve("missing.yaml") + " was not found");
    Files.createDirectory(dir.resolve("folder"));
    assertThat(refused("0xC0DE000C", "compliance", "report", "folder"))
        .contains("is a directory, not a file");
    assertThat(cli.run("compliance", "report", "latin1.yaml", "--html", "no/such/dir/r.html").err())
        .contains("is not UTF-8 text"); // read first: nothing is written for a bad input
    Path seed = Path.of("..", "examples", "compliance", "seed-000.yaml").toAbsolutePath();
    assertThat(
            refused(
                "0xC0DE000C", "compliance", "report", seed.toString(), "--html", "no/dir/r.html"))
        .contains(
            dir.resolve("no/dir/r.html") + " cannot be created: its directory does not exist");
  }

  @Test
  void aStoreThatCannotBeWrittenSaysWhyAndWhere() throws Exception {
    Files.writeString(dir.resolve("afile"), "not a directory\n");
    String err =
        refused(
            "0xC0DE000C KW_E_FILE_NOT_USABLE",
            "--store",
            "afile/store",
            "init",
            "--product",
            "winserver",
            "--version",
            "2022",
            "--edition",
            "ServerStandard");
    assertThat(err)
        .contains("The license store " + dir.resolve("afile/store"))
        .contains(dir.resolve("afile") + " already exists and is not a directory")
        .contains("--store DIR");
  }

  @Test
  void evidenceFilesThatAreNotThereAreSaidSo() throws Exception {
    Files.writeString(
        dir.resolve("m.yaml"),
        dev.keyward.core.hardware.MachineFile.write(
            dev.keyward.machines.LabProfile.HYPERV_VM.newMachine(new java.util.Random(3)),
            java.util.Optional.empty()));
    assertThat(
            cli.run(
                    "--store",
                    "store",
                    "--machine",
                    "m.yaml",
                    "init",
                    "--product",
                    "winserver",
                    "--version",
                    "2022",
                    "--edition",
                    "ServerStandard")
                .exit())
        .isZero();
    assertThat(
            refused(
                "0xC0DE000C",
                "--store",
                "store",
                "--machine",
                "m.yaml",
                "evidence",
                "add",
                "invoice.pdf",
                "--kind",
                "invoice"))
        .contains(dir.resolve("invoice.pdf") + " was not found");
    assertThat(refused("0xC0DE000C", "evidence", "verify", "nowhere.zip"))
        .contains(dir.resolve("nowhere.zip") + " was not found");
  }

  @Test
  void aPortInUseIsNotABadRequest() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String err =
          refused(
              "0xC0DE000D KW_E_AUTHORITY_NOT_STARTED",
              "authority",
              "serve",
              "--data",
              dir.resolve("data").toString(),
              "--bind",
              "127.0.0.1",
              "--port",
              Integer.toString(taken.getLocalPort()));
      assertThat(err).contains("already in use").contains("--port N");
    }
  }

  @Test
  void adminOfAStoppedLocalAuthoritySaysItIsNotRunning() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("authority.url"), "http://127.0.0.1:" + port + "\n");
    Files.writeString(data.resolve("admin-token"), "token\n");
    CliRunner noEnv = new CliRunner(dir, Map.of(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    CliRunner.Result r = noEnv.run("admin", "--data", "data", "audit", "verify");
    assertThat(r.exit()).as("%s", r).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.err())
        .contains("0x80072EFD")
        .contains("The authority of " + data + " is not running")
        .contains("keyward authority serve --data " + data)
        .doesNotContain("Exception");
  }

  @Test
  void explainSaysTheCodeIsUnknownWithoutEchoingAPage() {
    String err = refused("0xC0DE000E KW_E_UNKNOWN_CODE", "explain", "hello");
    assertThat(err).contains("'hello' is not a code");
    String huge = "x".repeat(100_000);
    CliRunner.Result r = cli.run("explain", huge);
    assertThat(r.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.err().length()).isLessThan(2_000);
    assertThat(r.err()).contains("(100000 characters)");
  }
}
