package dev.keyward.cli;

import dev.keyward.cli.Printer.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward slmgr /VERB [ARG]}: the seeds' commands as written (minus {@code .vbs}). Verbs are
 * case-insensitive and may start with {@code /} or {@code -}.
 */
@Command(
    name = "slmgr",
    aliases = {"slmgr.vbs"},
    description = "Software licensing commands as slmgr has them: keyward slmgr /? lists them.")
final class SlmgrCommand implements Callable<Integer> {
  static final String HELP =
      """
      Usage: keyward [GLOBAL OPTIONS] slmgr /VERB [ARGUMENT]
      Verbs are case-insensitive and may also be written -verb. SLMGR, slmgr.vbs and
      cscript slmgr.vbs are the same command.

        /ipk KEY     Install a product key (checked offline; replaces the installed one)
        /ato         Activate online against the activation authority
        /dli         Display license information
        /dlv         Display detailed license information
        /xpr         Display the activation expiration date
        /upk         Uninstall the product key (releases the activation online first)
        /cpky        Clear the product key copy from the store
        /rearm       Restart the evaluation or initial grace period
        /dti         Display the installation ID for phone activation
        /atp CID     Activate with the confirmation ID the activation center gave
        /skms HOST[:PORT]  Use this volume activation host (port 1688 when not given)
        /ckms        Clear the volume activation host: find one in DNS (SRV record)
        /skms-domain FQDN  Look for the SRV record of volume hosts in this domain
        /ckms-domain Clear the domain: use the machine's own
        /skhc        Enable host caching (remember the last host that answered)
        /ckhc        Disable host caching
        /sai MIN     Activation interval: minutes between retries after a failure (15-43200)
        /sri MIN     Renewal interval: minutes between renewals (15-43200)
        /?           This help

      Global options go before slmgr: --store DIR, --machine FILE, --authority URL, --json.
      Native equivalents: keyward key install KEY, activate, status [--verbose], expiry,
      key uninstall, key clear, rearm; keyward slui 4 for phone activation step by step.
      """;

  @ParentCommand KeywardCommand root;

  @Parameters(paramLabel = "ARGS", arity = "0..*", description = "/VERB [ARGUMENT]")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> rest = new ArrayList<>(args);
    // tolerate --json after the verb too, as scripts tend to put it at the end
    if (rest.remove("--json")) {
      root.json = true;
    }
    if (rest.isEmpty()) {
      return root.help(HELP);
    }
    String verb = verb(rest.get(0));
    List<String> params = rest.subList(1, rest.size());
    return switch (verb) {
      case "?", "help", "h" -> root.help(HELP);
      case "ipk" -> Actions.installKey(root, String.join(" ", one(verb, params, "KEY")));
      case "ato" -> noArgs(verb, params, () -> Actions.activate(root));
      case "dli" -> noArgs(verb, params, () -> Actions.show(root, View.DLI));
      case "dlv" -> noArgs(verb, params, () -> Actions.show(root, View.DLV));
      case "xpr" -> noArgs(verb, params, () -> Actions.show(root, View.XPR));
      case "upk" -> noArgs(verb, params, () -> Actions.uninstallKey(root));
      case "cpky" -> noArgs(verb, params, () -> Actions.clearKey(root));
      case "rearm" -> noArgs(verb, params, () -> Actions.rearm(root));
      case "dti" -> noArgs(verb, params, () -> PhoneActions.showInstallationId(root));
      case "atp" ->
          PhoneActions.applyConfirmationId(root, String.join(" ", one(verb, params, "CID")));
      case "skms", "ckms", "skms-domain", "ckms-domain", "skhc", "ckhc", "sai", "sri" ->
          VolumeVerbs.run(root, verb, params);
      default -> {
        throw new UsageError(
            "'" + rest.get(0) + "' is not an slmgr verb. keyward slmgr /? lists them.");
      }
    };
  }

  private static String verb(String arg) {
    String v = arg.strip();
    while (v.startsWith("/") || v.startsWith("-")) {
      v = v.substring(1);
    }
    return v.toLowerCase(Locale.ROOT);
  }

  private static List<String> one(String verb, List<String> params, String label) {
    if (params.isEmpty()) {
      throw new UsageError(
          "slmgr /" + verb + " needs " + label + ": slmgr /" + verb + " " + label + ".");
    }
    return params;
  }

  private static int noArgs(String verb, List<String> params, Callable<Integer> action) {
    if (!params.isEmpty()) {
      throw new UsageError("slmgr /" + verb + " takes no argument (got '" + params.get(0) + "').");
    }
    try {
      return action.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
