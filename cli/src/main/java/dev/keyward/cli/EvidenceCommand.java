package dev.keyward.cli;

import dev.keyward.cli.Printer.View;
import dev.keyward.client.EvidenceStore;
import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.client.LicenseInfo;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.evidence.EvidenceEntry;
import dev.keyward.core.evidence.EvidenceKind;
import dev.keyward.core.evidence.EvidenceManifest;
import dev.keyward.core.evidence.PackCheck;
import dev.keyward.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward evidence collect|add|export|verify}: audit evidence (SPEC §13). */
@Command(
    name = "evidence",
    description = "Audit evidence: license state, invoices and key-delivery records, with hashes.",
    subcommands = {
      EvidenceCommand.Collect.class,
      EvidenceCommand.Add.class,
      EvidenceCommand.Export.class,
      EvidenceCommand.Verify.class
    })
final class EvidenceCommand {
  @ParentCommand KeywardCommand root;

  private EvidenceStore store(LicenseInfo info) {
    return new EvidenceStore(root.storeDir(), info.product(), root.ctx.clock());
  }

  private static Map<String, Object> entryJson(EvidenceEntry e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("path", e.path());
    o.put("kind", e.kind().cliName());
    o.put("sha256", e.sha256());
    o.put("size", e.size());
    o.put("recordedAt", e.recordedAt().toString());
    return o;
  }

  private void report(String headline, List<EvidenceEntry> entries) {
    report(headline, entries, null);
  }

  /** The files, and for export and verify the fingerprint of the key that signed the manifest. */
  private void report(String headline, List<EvidenceEntry> entries, String keyFingerprint) {
    if (root.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", true);
      o.put("files", entries.stream().map(EvidenceCommand::entryJson).toList());
      if (keyFingerprint != null) {
        o.put("keyFingerprint", keyFingerprint);
      }
      root.printer().object(o);
      return;
    }
    root.ctx.out().println(headline);
    entries.forEach(e -> root.ctx.out().println("  " + e.sha256() + "  " + e.path()));
    if (keyFingerprint != null) {
      root.ctx.out().println("Manifest signed by evidence key " + keyFingerprint + ".");
    }
  }

  @Command(
      name = "collect",
      description = "Store this machine's /dli, /dlv and /xpr and store metadata.")
  static final class Collect implements Callable<Integer> {
    @ParentCommand EvidenceCommand parent;

    @Override
    public Integer call() {
      KeywardClient client = parent.root.client();
      LicenseInfo info = client.status();
      Map<String, byte[]> outputs = new LinkedHashMap<>();
      outputs.put("dli", render(info, View.DLI));
      outputs.put("dlv", render(info, View.DLV));
      outputs.put("xpr", render(info, View.XPR));
      Map<String, Object> meta = Printer.fields(info, View.DLV);
      meta.put("collectedAt", parent.root.ctx.clock().instant().toString());
      meta.put("store", parent.root.storeDir().toString());
      outputs.put("store.json", Json.write(meta).getBytes(StandardCharsets.UTF_8));
      List<EvidenceEntry> added = parent.store(info).collect(outputs);
      parent.report("Collected " + added.size() + " files of license evidence:", added);
      return KeywardCli.OK;
    }

    private static byte[] render(LicenseInfo info, View view) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      new Printer(out, out, false).license(info, view, false, List.of());
      return bytes.toByteArray();
    }
  }

  @Command(name = "add", description = "Add a document (invoice, key delivery, downgrade…).")
  static final class Add implements Callable<Integer> {
    @ParentCommand EvidenceCommand parent;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--kind",
        required = true,
        paramLabel = "KIND",
        description = "invoice, key-delivery, downgrade or other.")
    String kind;

    @Override
    public Integer call() {
      EvidenceKind k =
          EvidenceKind.byName(kind)
              .filter(x -> x != EvidenceKind.LICENSE_STATE)
              .orElseThrow(
                  () ->
                      new UsageError(
                          "'"
                              + kind
                              + "' is not a kind of evidence: invoice, key-delivery, downgrade or other."));
      LicenseInfo info = parent.root.client().status();
      EvidenceEntry entry =
          parent.store(info).add(parent.root.ctx.workingDirectory().resolve(file), k);
      parent.report("Added " + file + " as " + k.cliName() + ":", List.of(entry));
      return KeywardCli.OK;
    }
  }

  @Command(
      name = "export",
      description = "Write every piece of evidence and its manifest to a zip.")
  static final class Export implements Callable<Integer> {
    @ParentCommand EvidenceCommand parent;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "PACK.zip")
    Path output;

    @Override
    public Integer call() {
      LicenseInfo info = parent.root.client().status();
      Path zip = parent.root.ctx.workingDirectory().resolve(output);
      EvidenceStore store = parent.store(info);
      EvidenceManifest manifest = store.export(zip);
      parent.report(
          "Exported "
              + manifest.entries().size()
              + " files and their signed manifest to "
              + output
              + ":",
          manifest.entries(),
          store.keyFingerprint().orElse(null));
      return KeywardCli.OK;
    }
  }

  @Command(
      name = "verify",
      description = "Check a pack: any changed, missing or added file is named.")
  static final class Verify implements Callable<Integer> {
    @ParentCommand EvidenceCommand parent;

    @Parameters(paramLabel = "PACK.zip")
    Path pack;

    @Option(
        names = "--key",
        paramLabel = "FINGERPRINT",
        description =
            "Also require the manifest to be signed by this evidence key (SHA256:…, as export"
                + " printed it).")
    String key;

    @Override
    public Integer call() {
      Path zip = parent.root.ctx.workingDirectory().resolve(pack);
      return switch (EvidenceStore.verify(zip)) {
        case PackCheck.Intact intact
            when key != null && !key.strip().equalsIgnoreCase(intact.keyFingerprint()) ->
            throw KeywardException.of(
                ErrorCode.EVIDENCE_TAMPERED,
                pack
                    + " is signed by evidence key "
                    + intact.keyFingerprint()
                    + ", not by "
                    + key.strip()
                    + ": it was exported by another store, or re-signed after export.");
        case PackCheck.Intact intact -> {
          parent.report(
              pack
                  + " is intact: "
                  + intact.manifest().entries().size()
                  + " files match their signed manifest"
                  + " (product "
                  + intact.manifest().product()
                  + ", exported "
                  + intact.manifest().exportedAt()
                  + ").",
              new ArrayList<>(intact.manifest().entries()),
              intact.keyFingerprint());
          yield KeywardCli.OK;
        }
        case PackCheck.Tampered tampered ->
            throw EvidenceStore.tamperedFailure(pack + " does not match its manifest", tampered);
      };
    }
  }
}
