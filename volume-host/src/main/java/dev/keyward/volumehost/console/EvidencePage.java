package dev.keyward.volumehost.console;

import dev.keyward.client.EvidenceStore;
import dev.keyward.client.KeywardException;
import dev.keyward.core.evidence.EvidenceManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The evidence page and its export: the host store's {@link EvidenceStore} (the code of {@code
 * keyward evidence export}), its pack written to a temporary file and sent as a download.
 */
final class EvidencePage {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final ConsoleContext context;
  private final Pages pages;

  EvidencePage(ConsoleContext context, Pages pages) {
    this.context = context;
    this.pages = pages;
  }

  private EvidenceStore store() {
    return new EvidenceStore(
        context.files().storeRoot(), context.files().product(), context.clock());
  }

  Reply page(Call call) {
    View.Frame frame = Pages.frame(call, "Evidence", "evidence");
    EvidenceStore store = store();
    List<View.EvidenceRow> rows;
    String fingerprint;
    try {
      EvidenceManifest index = store.index();
      rows =
          index.entries().stream()
              .map(
                  e ->
                      new View.EvidenceRow(
                          e.path(),
                          e.kind().cliName(),
                          e.sha256(),
                          e.size(),
                          Inventory.TIME.format(e.recordedAt())))
              .toList();
      fingerprint = store.keyFingerprint().orElse("FINGERPRINT");
    } catch (KeywardException e) {
      return pages.problem(call, 409, e.failure());
    }
    return Reply.html(
        200, pages.render("evidence.jte", frame, "entries", rows, "fingerprint", fingerprint));
  }

  Reply pack(Call call) throws IOException {
    Path dir = Files.createTempDirectory("keyward-evidence");
    Path zip = dir.resolve("pack.zip");
    try {
      store().export(zip);
      byte[] bytes = Files.readAllBytes(zip);
      return Reply.download(
          "application/zip",
          "evidence-"
              + context.files().product()
              + "-"
              + STAMP.format(context.clock().instant())
              + ".zip",
          bytes);
    } catch (KeywardException e) {
      return pages.problem(call, 409, e.failure());
    } finally {
      Files.deleteIfExists(zip);
      Files.deleteIfExists(dir);
    }
  }
}
