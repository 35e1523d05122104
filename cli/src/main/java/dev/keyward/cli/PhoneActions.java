package dev.keyward.cli;

import dev.keyward.cli.Printer.View;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.PhoneActivation;
import dev.keyward.core.phone.DigitGroups;
import dev.keyward.core.phone.InstallationId;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What {@code slmgr /dti}, {@code /atp}, {@code slui 4} and the proxy verbs share. */
final class PhoneActions {
  private PhoneActions() {}

  /** {@code slmgr /dti}: the installation ID, on one line and in numbered groups. */
  static int showInstallationId(KeywardCommand root) {
    InstallationId iid = root.client().phone().installationId();
    if (root.json) {
      LicenseInfo info = root.client().status();
      Map<String, Object> o = Printer.fields(info, View.DLI);
      o.put("installationId", iid.text());
      o.put("installationIdGroups", groups(iid.text()));
      root.printer().object(o);
      return KeywardCli.OK;
    }
    PrintStream out = root.ctx.out();
    out.println("Installation ID: " + iid.text());
    out.println();
    printGroups(out, iid.text(), 3);
    return KeywardCli.OK;
  }

  /** {@code slmgr /atp CID}. */
  static int applyConfirmationId(KeywardCommand root, String cid) {
    PhoneActivation.Applied applied = root.client().phone().apply(cid);
    report(root, applied, "Confirmation ID deposited successfully.");
    return KeywardCli.OK;
  }

  static void report(KeywardCommand root, PhoneActivation.Applied applied, String first) {
    LicenseInfo info = applied.info();
    root.printer()
        .license(
            info,
            View.ACTION,
            true,
            applied.alreadyApplied()
                ? List.of("The product was already activated with this confirmation ID.")
                : List.of(
                    first,
                    "Product activated successfully (by phone: "
                        + info.productName()
                        + ", "
                        + info.edition()
                        + " edition, key ending in "
                        + info.partialProductKey().orElse("?????")
                        + ")."));
  }

  static List<String> groups(String id) {
    return Arrays.asList(id.split(String.valueOf(DigitGroups.SEPARATOR)));
  }

  /** {@code 1: 0486290 2: 2799813 3: 0008442}, {@code perLine} groups a line. */
  static void printGroups(PrintStream out, String id, int perLine) {
    List<String> groups = groups(id);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < groups.size(); i++) {
      line.append(String.format("  %2d: %s  ", i + 1, groups.get(i)));
      if ((i + 1) % perLine == 0 || i == groups.size() - 1) {
        out.println(line.toString().stripTrailing());
        line.setLength(0);
      }
    }
  }
}
