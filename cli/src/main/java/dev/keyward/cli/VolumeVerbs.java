package dev.keyward.cli;

import dev.keyward.cli.Printer.View;
import dev.keyward.client.KeywardException;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.VolumeClientSettings;
import dev.keyward.core.error.ErrorCode;
import java.util.List;

/** The volume client settings verbs of slmgr ({@code /skms} … {@code /sri}). */
final class VolumeVerbs {
  private VolumeVerbs() {}

  static int run(KeywardCommand root, String verb, List<String> params) {
    boolean takesArgument =
        verb.equals("skms")
            || verb.equals("skms-domain")
            || verb.equals("sai")
            || verb.equals("sri");
    if (takesArgument && params.size() != 1) {
      String label =
          switch (verb) {
            case "skms" -> "HOST[:PORT]";
            case "skms-domain" -> "FQDN";
            default -> "MIN";
          };
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "slmgr /" + verb + " takes one argument: slmgr /" + verb + " " + label);
    }
    if (!takesArgument && !params.isEmpty()) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "slmgr /" + verb + " takes no argument (got '" + params.get(0) + "').");
    }
    VolumeClientSettings settings = root.client().volumeSettings();
    String arg = takesArgument ? params.get(0) : null;
    LicenseInfo info =
        switch (verb) {
          case "skms" -> settings.setHost(arg);
          case "ckms" -> settings.clearHost();
          case "skms-domain" -> settings.setDomain(arg);
          case "ckms-domain" -> settings.clearDomain();
          case "skhc" -> settings.setHostCaching(true);
          case "ckhc" -> settings.setHostCaching(false);
          case "sai" -> settings.setActivationInterval(arg);
          case "sri" -> settings.setRenewalInterval(arg);
          default -> throw new IllegalArgumentException(verb);
        };
    root.printer().license(info, View.ACTION, true, List.of(message(verb, info)));
    return KeywardCli.OK;
  }

  private static String message(String verb, LicenseInfo info) {
    var v = info.volume();
    return switch (verb) {
      case "skms" -> "Volume activation host set to " + v.host() + " successfully.";
      case "ckms" -> "Volume activation host cleared successfully (DNS discovery).";
      case "skms-domain" ->
          "Volume activation lookup domain set to " + v.domain() + " successfully.";
      case "ckms-domain" -> "Volume activation lookup domain cleared successfully.";
      case "skhc" -> "Volume activation host caching is enabled.";
      case "ckhc" -> "Volume activation host caching is disabled.";
      case "sai" ->
          "Volume activation interval set to " + v.activationIntervalMinutes() + " minutes.";
      case "sri" -> "Volume renewal interval set to " + v.renewalIntervalMinutes() + " minutes.";
      default -> "";
    };
  }
}
