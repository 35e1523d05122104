package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.evidence.EvidenceManifest;
import dev.keyward.core.json.Json;
import dev.keyward.machines.LabProfile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward evidence collect | add | export | verify} on a lab machine's store. */
class EvidenceCliTest {
  @TempDir Path dir;
  private OfflineMachine machine;
  private Path pack;

  @BeforeEach
  void collectAddExport() throws Exception {
    machine =
        new OfflineMachine(
            dir,
            Instant.parse("2026-11-20T09:00:00Z"),
            LabProfile.PHYSICAL_SERVER.newMachine(new Random(5)));
    Files.writeString(dir.resolve("invoice.txt"), "Invoice 2026-118: 1 x 16-core Standard 2019\n");
    machine.init("2019", "ServerStandard");

    CliRunner.Result collect = machine.run("--json", "evidence", "collect");
    assertThat(collect.exit()).as("%s", collect).isZero();
    assertThat((List<?>) collect.json().get("files")).hasSize(4);
    assertThat(machine.run("evidence", "add", "invoice.txt", "--kind", "invoice").exit()).isZero();
    CliRunner.Result export = machine.run("evidence", "export", "-o", "pack.zip");
    assertThat(export.exit()).as("%s", export).isZero();
    pack = dir.resolve("pack.zip");
  }

  @Test
  void aFreshPackVerifiesAndHoldsTheLicenseOutputs() throws Exception {
    CliRunner.Result r = machine.run("evidence", "verify", "pack.zip");
    assertThat(r.exit()).as("%s", r).isZero();
    assertThat(r.out()).contains("is intact: 5 files");
    Map<String, byte[]> files = read(pack);
    assertThat(files.keySet()).contains("manifest.json").anyMatch(p -> p.endsWith("-dli.txt"));
    String dli =
        new String(
            files.get(
                files.keySet().stream()
                    .filter(p -> p.endsWith("-dli.txt"))
                    .findFirst()
                    .orElseThrow()),
            StandardCharsets.UTF_8);
    assertThat(dli).contains("License Status");
  }

  @Test
  void oneChangedByteIsNamed() throws Exception {
    Map<String, byte[]> files = read(pack);
    String invoice =
        files.keySet().stream().filter(p -> p.contains("invoice")).findFirst().orElseThrow();
    byte[] bytes = files.get(invoice);
    bytes[0] ^= 1;
    write(pack, files);
    CliRunner.Result r = machine.run("--json", "evidence", "verify", "pack.zip");
    assertThat(r.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.errorCode()).contains("0xC0DE000A");
    assertThat((String) r.error().get("message")).contains(invoice + ": changed");
  }

  @Test
  void missingAndAddedFilesAreNamed() throws Exception {
    Map<String, byte[]> files = read(pack);
    String xpr =
        files.keySet().stream().filter(p -> p.endsWith("-xpr.txt")).findFirst().orElseThrow();
    files.remove(xpr);
    files.put("files/backdated-invoice.txt", "x".getBytes(StandardCharsets.UTF_8));
    write(pack, files);
    CliRunner.Result r = machine.run("evidence", "verify", "pack.zip");
    assertThat(r.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.err())
        .contains(xpr + ": listed in the manifest but missing")
        .contains("files/backdated-invoice.txt: in the pack but not in the manifest");
  }

  @Test
  void evidenceChangedInTheStoreIsNotExported() throws Exception {
    try (var paths = Files.walk(dir.resolve("store"))) {
      Path stored = paths.filter(p -> p.toString().contains("invoice")).findFirst().orElseThrow();
      Files.writeString(stored, "Invoice 2026-118: 9 x 16-core Datacenter 2025\n");
    }
    CliRunner.Result r = machine.run("--json", "evidence", "export", "-o", "again.zip");
    assertThat(r.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.errorCode()).contains("0xC0DE000A");
    assertThat(dir.resolve("again.zip")).doesNotExist();
  }

  @Test
  void aFileEditedAndReHashedInTheManifestIsRefusedByTheSignature() throws Exception {
    Map<String, byte[]> files = read(pack);
    String invoice =
        files.keySet().stream().filter(p -> p.contains("invoice")).findFirst().orElseThrow();
    byte[] edited =
        "Invoice 2026-118: 9 x 16-core Datacenter 2025\n".getBytes(StandardCharsets.UTF_8);
    files.put(invoice, edited);
    Map<String, Object> manifest =
        Json.readObject(new String(files.get("manifest.json"), StandardCharsets.UTF_8))
            .orElseThrow();
    for (Object f : (List<?>) manifest.get("files")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> file = (Map<String, Object>) f;
      if (file.get("path").equals(invoice)) {
        file.put("sha256", EvidenceManifest.sha256(edited));
        file.put("size", edited.length);
      }
    }
    files.put("manifest.json", Json.write(manifest).getBytes(StandardCharsets.UTF_8));
    write(pack, files);
    CliRunner.Result r = machine.run("evidence", "verify", "pack.zip");
    assertThat(r.exit()).as("%s", r).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.err())
        .contains("0xC0DE000A")
        .contains("manifest.sig: does not match manifest.json")
        .doesNotContain("is intact");
  }

  @Test
  void anEditedOrMissingSignatureIsRefused() throws Exception {
    Map<String, byte[]> files = read(pack);
    Map<String, Object> sig =
        Json.readObject(new String(files.get("manifest.sig"), StandardCharsets.UTF_8))
            .orElseThrow();
    String signature = (String) sig.get("signature");
    sig.put("signature", (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1));
    files.put("manifest.sig", Json.write(sig).getBytes(StandardCharsets.UTF_8));
    write(pack, files);
    CliRunner.Result edited = machine.run("--json", "evidence", "verify", "pack.zip");
    assertThat(edited.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat((String) edited.error().get("message")).contains("manifest.sig: does not match");

    files.remove("manifest.sig");
    write(pack, files);
    CliRunner.Result unsigned = machine.run("evidence", "verify", "pack.zip");
    assertThat(unsigned.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(unsigned.err()).contains("manifest.sig: missing");
  }

  @Test
  void theSignerIsNamedAndCanBeRequired() {
    CliRunner.Result ok = machine.run("--json", "evidence", "verify", "pack.zip");
    String key = (String) ok.json().get("keyFingerprint");
    assertThat(key).matches("SHA256:([0-9a-f]{4}-){7}[0-9a-f]{4}");
    // the same store signs every pack with the same key
    CliRunner.Result again = machine.run("--json", "evidence", "export", "-o", "again.zip");
    assertThat(again.json()).containsEntry("keyFingerprint", key);
    assertThat(machine.run("evidence", "verify", "pack.zip", "--key", key).exit()).isZero();
    CliRunner.Result other =
        machine.run(
            "evidence",
            "verify",
            "pack.zip",
            "--key",
            "SHA256:0000-0000-0000-0000-0000-0000-0000-0000");
    assertThat(other.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(other.err()).contains("is signed by evidence key " + key);
  }

  @Test
  void aChangedFileNamesItsSizeAndHash() throws Exception {
    Map<String, byte[]> files = read(pack);
    String invoice =
        files.keySet().stream().filter(p -> p.contains("invoice")).findFirst().orElseThrow();
    files.put(invoice, "Invoice 2026-118\n".getBytes(StandardCharsets.UTF_8));
    write(pack, files);
    CliRunner.Result r = machine.run("evidence", "verify", "pack.zip");
    assertThat(r.err())
        .contains(invoice + ": changed (17 bytes, manifest says 44; SHA-256 ")
        .contains(EvidenceManifest.sha256("Invoice 2026-118\n".getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, byte[]> read(Path zip) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        files.put(e.getName(), z.readAllBytes());
      }
    }
    return files;
  }

  private static void write(Path zip, Map<String, byte[]> files) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (var f : files.entrySet()) {
        z.putNextEntry(new ZipEntry(f.getKey()));
        z.write(f.getValue());
        z.closeEntry();
      }
    }
    Files.write(zip, bytes.toByteArray());
  }
}
