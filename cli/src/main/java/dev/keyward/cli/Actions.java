package dev.keyward.cli;

import dev.keyward.cli.Printer.View;
import dev.keyward.client.KeywardClient;
import dev.keyward.client.LicenseInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the slmgr verbs and the native verbs do; both call these, so they cannot differ. */
final class Actions {
  private Actions() {}

  static int installKey(KeywardCommand root, String key) {
    LicenseInfo info = root.client().installKey(key);
    return done(
        root, info, "Installed product key " + masked(info.partialProductKey()) + " successfully.");
  }

  static int activate(KeywardCommand root) {
    KeywardClient.Activation a = root.client().activate();
    LicenseInfo info = a.info();
    return done(
        root,
        info,
        "Activating "
            + info.productName()
            + ", "
            + info.edition()
            + " edition ("
            + info.partialProductKey().orElse("")
            + ") ...",
        a.reissued()
            ? "Product activated successfully (reactivation: no count spent)."
            : "Product activated successfully.");
  }

  /**
   * The license in this view; /dlv adds the volume host's or the VM guest's block when it has one.
   */
  static int show(KeywardCommand root, View view) {
    KeywardClient client = root.client();
    LicenseInfo info = client.status();
    if (view == View.DLV) {
      Optional<Map<String, Object>> host =
          VolumeHostBlock.of(client, info, root.ctx.clock().instant());
      if (host.isPresent()) {
        return withBlock(
            root, info, view, "volumeHost", host.get(), VolumeHostBlock.lines(host.get()));
      }
      Optional<Map<String, Object>> guest = VmGuestBlock.of(client, info.product());
      if (guest.isPresent()) {
        return withBlock(root, info, view, "vmGuest", guest.get(), VmGuestBlock.lines(guest.get()));
      }
    }
    root.printer().license(info, view, false, List.of());
    return KeywardCli.OK;
  }

  static int uninstallKey(KeywardCommand root) {
    KeywardClient client = root.client();
    LicenseInfo before = client.status();
    LicenseInfo info = client.uninstallKey();
    return done(
        root,
        info,
        "Uninstalled product key " + masked(before.partialProductKey()) + " successfully.");
  }

  static int clearKey(KeywardCommand root) {
    return done(root, root.client().clearKey(), "Product key from the store cleared successfully.");
  }

  static int rearm(KeywardCommand root) {
    LicenseInfo info = root.client().rearm();
    return done(
        root,
        info,
        "Command completed successfully: the "
            + (info.evaluation() ? "evaluation" : "grace")
            + " period restarted ("
            + info.status().rearmRemaining()
            + " rearm(s) left).");
  }

  /** An action's answer: the license after it, then what was done. */
  private static int done(KeywardCommand root, LicenseInfo info, String... message) {
    root.printer().license(info, View.ACTION, true, List.of(message));
    return KeywardCli.OK;
  }

  private static int withBlock(
      KeywardCommand root,
      LicenseInfo info,
      View view,
      String name,
      Map<String, Object> block,
      List<String> lines) {
    root.printer().license(info, view, Map.of(name, block), lines);
    return KeywardCli.OK;
  }

  /** A key as slmgr names it, only its last group shown. */
  private static String masked(Optional<String> partialKey) {
    return "*****-*****-*****-*****-" + partialKey.orElse("?????");
  }
}
