package dev.keyward.cli;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.Servicing;
import dev.keyward.core.error.ErrorCode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code keyward dism /online /Get-CurrentEdition | /Get-TargetEditions | /Set-Edition:ID
 * /ProductKey:KEY /AcceptEula}: the seeds' edition commands as written. Options are
 * case-insensitive, as DISM's are, and may start with {@code /} or {@code -}. The conversion is
 * checked at once and takes effect at {@code keyward restart}.
 */
@Command(
    name = "dism",
    description =
        "Edition servicing as DISM has it: /online /Get-CurrentEdition, /Get-TargetEditions,"
            + " /Set-Edition:ID /ProductKey:KEY /AcceptEula (keyward dism /? shows them).")
final class DismCommand implements Callable<Integer> {
  static final String HELP =
      """
      Usage: keyward [GLOBAL OPTIONS] dism /online ACTION
      Options are case-insensitive and may also be written -option.

        /Get-CurrentEdition          Show the installed edition (and a conversion waiting
                                     for the restart)
        /Get-TargetEditions          List the editions the installed one may be converted to
        /Set-Edition:ID /ProductKey:KEY /AcceptEula
                                     Convert to edition ID with a key of that edition; the
                                     conversion takes effect at the next keyward restart,
                                     which installs the key and starts the initial grace.
                                     /Quiet and /NoRestart are accepted (keyward never
                                     restarts by itself)
        /?                           This help

      Only the running installation can be serviced (/online); /Image is not supported.
      Global options go before dism: --store DIR, --machine FILE, --product P, --json.
      """;

  private static final String TOOL = "Deployment Image Servicing and Management tool";

  @ParentCommand KeywardCommand root;

  @Unmatched List<String> args = new ArrayList<>();

  /** The command line read: one action and its options. */
  private record Line(
      boolean online, String action, String edition, String key, boolean acceptEula) {}

  @Override
  public Integer call() {
    List<String> rest = new ArrayList<>(args);
    // tolerate --json after the verb too, as scripts tend to put it at the end
    if (rest.remove("--json")) {
      root.json = true;
    }
    if (rest.isEmpty() || rest.stream().anyMatch(DismCommand::asksForHelp)) {
      return root.help(HELP);
    }
    Line line = parse(rest);
    if (!line.online()) {
      throw usage(
          "DISM needs /online: keyward services the running installation (offline images with"
              + " /Image are not supported).");
    }
    KeywardClient client = root.client();
    return switch (line.action()) {
      case "get-currentedition" -> currentEdition(client.editions());
      case "get-targeteditions" -> targetEditions(client.editions());
      case "set-edition" -> setEdition(client, line);
      default -> throw new IllegalStateException(line.action());
    };
  }

  /** {@code /?} as DISM has it, and the {@code --help} every keyward command answers. */
  private static boolean asksForHelp(String arg) {
    return switch (arg.strip().toLowerCase(Locale.ROOT)) {
      case "/?", "-?", "--help", "-h", "/help", "-help", "/h" -> true;
      default -> false;
    };
  }

  private static Line parse(List<String> rest) {
    boolean online = false;
    boolean acceptEula = false;
    String action = null;
    String edition = null;
    String key = null;
    for (String arg : rest) {
      String a = arg.strip();
      if (!(a.startsWith("/") || a.startsWith("-"))) {
        throw usage("'" + arg + "' is not a DISM option; options start with /, e.g. /online.");
      }
      a = a.substring(1);
      int colon = a.indexOf(':');
      String name = (colon < 0 ? a : a.substring(0, colon)).toLowerCase(Locale.ROOT);
      String value = colon < 0 ? null : a.substring(colon + 1).strip();
      switch (name) {
        case "online" -> online = true;
        case "image" -> throw usage("/Image is not supported: keyward services /online only.");
        case "accepteula" -> acceptEula = true;
        case "quiet", "norestart", "english" -> {}
        case "productkey" -> {
          if (value == null || value.isEmpty()) {
            throw usage("/ProductKey needs the key: /ProductKey:XXXXX-XXXXX-XXXXX-XXXXX-XXXXX.");
          }
          key = value;
        }
        case "get-currentedition", "get-targeteditions", "set-edition" -> {
          if (action != null && !action.equals(name)) {
            throw usage("Give one action at a time (got /" + action + " and /" + name + ").");
          }
          action = name;
          if (name.equals("set-edition")) {
            if (value == null || value.isEmpty()) {
              throw usage(
                  "/Set-Edition needs the target edition: /Set-Edition:ServerStandard"
                      + " (keyward dism /online /Get-TargetEditions lists them).");
            }
            edition = value;
          } else if (value != null) {
            throw usage("/" + name + " takes no value (got '" + value + "').");
          }
        }
        default ->
            throw usage(
                "'" + arg + "' is not a DISM option keyward knows. keyward dism /? lists them.");
      }
    }
    if (action == null) {
      throw usage(
          "Give an action: /Get-CurrentEdition, /Get-TargetEditions or /Set-Edition:ID"
              + " /ProductKey:KEY /AcceptEula.");
    }
    if (!action.equals("set-edition") && (key != null || acceptEula)) {
      throw usage("/ProductKey and /AcceptEula go with /Set-Edition only.");
    }
    if (action.equals("set-edition") && key == null) {
      throw usage(
          "/Set-Edition needs the key of the target edition: /Set-Edition:"
              + edition
              + " /ProductKey:KEY /AcceptEula.");
    }
    return new Line(online, action, edition, key, acceptEula);
  }

  private int currentEdition(Servicing.Editions e) {
    if (root.json) {
      Map<String, Object> o = base(e);
      o.put("ok", true);
      root.printer().object(o);
      return KeywardCli.OK;
    }
    PrintStream out = header(e);
    out.println("Current edition is:");
    out.println();
    out.println("Current Edition : " + e.edition());
    e.pending()
        .ifPresent(
            p ->
                out.println(
                    "Pending Edition : " + p + " (takes effect at the restart: keyward restart)"));
    return completed(out);
  }

  private int targetEditions(Servicing.Editions e) {
    if (root.json) {
      Map<String, Object> o = base(e);
      o.put("targetEditions", e.targets());
      o.put("ok", true);
      root.printer().object(o);
      return KeywardCli.OK;
    }
    PrintStream out = header(e);
    out.println("Editions that can be upgraded to:");
    out.println();
    if (e.targets().isEmpty()) {
      out.println("(none: " + e.edition() + " converts to no other edition)");
    }
    e.targets().forEach(t -> out.println("Target Edition : " + t));
    return completed(out);
  }

  private int setEdition(KeywardClient client, Line line) {
    if (!line.acceptEula()) {
      throw KeywardException.of(
          ErrorCode.EULA_NOT_ACCEPTED,
          "Converting to "
              + line.edition()
              + " needs the licence terms of that edition accepted: add /AcceptEula.");
    }
    LicenseInfo info = client.convertEdition(line.edition(), line.key());
    String target = info.pendingEdition().orElse(line.edition());
    List<String> message =
        List.of(
            "Starting to update components...",
            "Starting to install product key...",
            "Finished installing product key.",
            "Finished updating components.",
            "",
            "Starting to apply edition-specific settings...",
            "Finished applying edition-specific settings.",
            "",
            "The operation completed successfully.",
            "Restart to complete the conversion to " + target + ": keyward restart");
    if (root.json) {
      Map<String, Object> o = Printer.fields(info, Printer.View.ACTION);
      o.put("pendingEdition", target);
      o.put("restartRequired", true);
      o.put("ok", true);
      o.put("message", String.join("\n", message));
      root.printer().object(o);
      return KeywardCli.OK;
    }
    PrintStream out = root.ctx.out();
    out.println(TOOL);
    out.println("Version: " + version());
    out.println();
    out.println("Image Version: " + info.productName() + " " + info.version());
    out.println();
    message.forEach(out::println);
    return KeywardCli.OK;
  }

  private Map<String, Object> base(Servicing.Editions e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("product", e.product());
    o.put("version", e.version());
    o.put("edition", e.edition());
    o.put("evaluation", e.evaluation());
    o.put("pendingEdition", e.pending().orElse(null));
    return o;
  }

  private PrintStream header(Servicing.Editions e) {
    PrintStream out = root.ctx.out();
    out.println(TOOL);
    out.println("Version: " + version());
    out.println();
    out.println("Image Version: " + e.productName() + " " + e.version());
    out.println();
    return out;
  }

  private static int completed(PrintStream out) {
    out.println();
    out.println("The operation completed successfully.");
    return KeywardCli.OK;
  }

  private static String version() {
    return new KeywardCommand.Version().getVersion()[0];
  }

  private static UsageError usage(String message) {
    return new UsageError(message);
  }
}
