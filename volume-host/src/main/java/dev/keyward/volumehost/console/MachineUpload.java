package dev.keyward.volumehost.console;

import dev.keyward.client.EvidenceStore;
import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Adds a MAK, retail or OEM machine of the site from its uploaded {@code keyward --json slmgr /dlv}
 * output: checked by {@link DlvUpload}, kept in the inventory, and recorded as license-state
 * evidence of the host store (SPEC §13), so the evidence pack covers the site's machines too.
 */
final class MachineUpload {
  private final ConsoleContext context;
  private final Pages pages;
  private final DlvUpload reader;

  MachineUpload(ConsoleContext context, Pages pages) {
    this.context = context;
    this.pages = pages;
    this.reader = new DlvUpload(context.catalog());
  }

  Reply form(Call call) {
    return Reply.html(200, pages.render("addMachine.jte", frame(call)));
  }

  private static View.Frame frame(Call call) {
    return Pages.frame(call, "Add a machine from its /dlv output", "add");
  }

  Reply add(Call call) throws IOException {
    Instant now = context.clock().instant();
    byte[] bytes = call.form().file("dlv").orElse(new byte[0]);
    String name = call.form().first("name").orElse("");
    return switch (reader.read(bytes, name, now)) {
      case DlvUpload.Result.Refused r -> refused(call, r.failure());
      case DlvUpload.Result.Accepted a -> {
        SiteMachine m = a.machine();
        if (!new SiteMachines(context.siteMachines()).put(m)) {
          yield refused(
              call,
              Failure.of(
                  ErrorCode.INPUT_FILE_INVALID,
                  "The inventory already holds "
                      + SiteMachines.MAX_MACHINES
                      + " machines added from /dlv; nothing was added."));
        }
        try {
          new EvidenceStore(context.files().storeRoot(), context.files().product(), context.clock())
              .collect(Map.of("dlv-" + m.cmid() + ".json", bytes));
        } catch (KeywardException e) {
          yield refused(call, e.failure());
        }
        yield Reply.html(
            200,
            pages.render(
                "addMachine.jte",
                Pages.withNotice(
                    frame(call),
                    "Added "
                        + m.name()
                        + " ("
                        + m.channel()
                        + ", "
                        + m.licenseStatus()
                        + ", CMID "
                        + m.cmid()
                        + ") to the inventory and its /dlv output to the evidence.")));
      }
    };
  }

  private Reply refused(Call call, Failure failure) {
    return Reply.html(400, pages.render("addMachine.jte", Pages.withError(frame(call), failure)));
  }
}
