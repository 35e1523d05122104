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
final class EvidenceCommand implements Runnable {
  @ParentCommand KeywardCommand root;

  @Override
  public void run() {
    root.ctx
        .out()
        .println(
            "Usage: keyward evidence collect | add FILE --kind K | export -o PACK.zip | verify PACK.zip");
  }

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
    if (root.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", true);
      o.put("files", entries.stream().map(EvidenceCommand::entryJson).toList());
      root.printer().object(o);
      return;
    }
    root.ctx.out().println(headline);
    entries.forEach(e -> root.ctx.out().println("  " + e.sha256() + "  " + e.path()));
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
                      KeywardException.of(
                          ErrorCode.BAD_REQUEST,
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
      EvidenceManifest manifest = parent.store(info).export(zip);
      parent.report(
          "Exported " + manifest.entries().size() + " files and their manifest to " + output + ":",
          manifest.entries());
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

    @Override
    public Integer call() {
      Path zip = parent.root.ctx.workingDirectory().resolve(pack);
      return switch (EvidenceStore.verify(zip)) {
        case PackCheck.Intact intact -> {
          parent.report(
              pack
                  + " is intact: "
                  + intact.manifest().entries().size()
                  + " files match their manifest"
                  + " (product "
                  + intact.manifest().product()
                  + ", exported "
                  + intact.manifest().exportedAt()
                  + ").",
              new ArrayList<>(intact.manifest().entries()));
          yield KeywardCli.OK;
        }
        case PackCheck.Tampered tampered ->
            throw EvidenceStore.tamperedFailure(pack + " does not match its manifest", tampered);
      };
    }
  }
}
