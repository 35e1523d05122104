package dev.keyward.cli;

import dev.keyward.cli.Printer.View;
import dev.keyward.client.KeywardClient;
import dev.keyward.client.LicenseInfo;
import java.util.List;

/** What the slmgr verbs and the native verbs do; both call these, so they cannot differ. */
final class Actions {
  private Actions() {}

  static int installKey(KeywardCommand root, String key) {
    LicenseInfo info = root.client().installKey(key);
    root.printer()
        .license(
            info,
            View.ACTION,
            true,
            List.of(
                "Installed product key *****-*****-*****-*****-"
                    + info.partialProductKey().orElse("?????")
                    + " successfully."));
    return KeywardCli.OK;
  }

  static int activate(KeywardCommand root) {
    KeywardClient client = root.client();
    KeywardClient.Activation a = client.activate();
    LicenseInfo info = a.info();
    root.printer()
        .license(
            info,
            View.ACTION,
            true,
            List.of(
                "Activating "
                    + info.productName()
                    + ", "
                    + info.edition()
                    + " edition ("
                    + info.partialProductKey().orElse("")
                    + ") ...",
                a.reissued()
                    ? "Product activated successfully (reactivation: no count spent)."
                    : "Product activated successfully."));
    return KeywardCli.OK;
  }

  static int show(KeywardCommand root, View view) {
    KeywardClient client = root.client();
    LicenseInfo info = client.status();
    var host =
        view == View.DLV
            ? VolumeHostBlock.of(client, info, root.ctx.clock().instant())
            : java.util.Optional.<java.util.Map<String, Object>>empty();
    if (host.isPresent()) {
      root.printer()
          .license(
              info,
              view,
              java.util.Map.of("volumeHost", host.get()),
              VolumeHostBlock.lines(host.get()));
      return KeywardCli.OK;
    }
    var guest =
        view == View.DLV
            ? VmGuestBlock.of(client, info.product())
            : java.util.Optional.<java.util.Map<String, Object>>empty();
    if (guest.isPresent()) {
      root.printer()
          .license(
              info,
              view,
              java.util.Map.of("vmGuest", guest.get()),
              VmGuestBlock.lines(guest.get()));
      return KeywardCli.OK;
    }
    root.printer().license(info, view, false, List.of());
    return KeywardCli.OK;
  }

  static int uninstallKey(KeywardCommand root) {
    KeywardClient client = root.client();
    LicenseInfo before = client.status();
    LicenseInfo info = client.uninstallKey();
    root.printer()
        .license(
            info,
            View.ACTION,
            true,
            List.of(
                "Uninstalled product key *****-*****-*****-*****-"
                    + before.partialProductKey().orElse("?????")
                    + " successfully."));
    return KeywardCli.OK;
  }

  static int clearKey(KeywardCommand root) {
    LicenseInfo info = root.client().clearKey();
    root.printer()
        .license(
            info, View.ACTION, true, List.of("Product key from the store cleared successfully."));
    return KeywardCli.OK;
  }

  static int rearm(KeywardCommand root) {
    LicenseInfo info = root.client().rearm();
    root.printer()
        .license(
            info,
            View.ACTION,
            true,
            List.of(
                "Command completed successfully: the "
                    + (info.evaluation() ? "evaluation" : "grace")
                    + " period restarted ("
                    + info.status().rearmRemaining()
                    + " rearm(s) left)."));
    return KeywardCli.OK;
  }
}
