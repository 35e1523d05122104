package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.PhoneActivation;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.phone.ProxyRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward proxy}: proxy activation of machines that cannot reach the authority (SPEC §10).
 * On each machine {@code export -o FILE} adds the machine's installation ID to a request file; the
 * file goes to the authority ({@code keyward admin proxy answer}); on each machine {@code apply
 * FILE} finds its own answer and applies its confirmation ID.
 */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    description = "Proxy activation for isolated sites: request and response files.",
    subcommands = {ProxyCommand.Export.class, ProxyCommand.Apply.class})
final class ProxyCommand {
  @ParentCommand KeywardCommand root;

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Add this machine (label, product, installation ID) to a request file, or print a"
              + " request for it. Exporting the same machine again changes nothing.")
  static final class Export implements Callable<Integer> {
    @ParentCommand ProxyCommand proxy;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "The request file: created, or added to. Default: print the request.")
    Path output;

    @Option(
        names = "--label",
        paramLabel = "NAME",
        description = "The machine's name in the file (default: host name and CMID).")
    String label;

    @Override
    public Integer call() {
      KeywardCommand root = proxy.root;
      Path file = output == null ? null : root.ctx.workingDirectory().resolve(output);
      Optional<String> existing =
          file == null ? Optional.empty() : PhoneActivation.readFile(file, true);
      PhoneActivation phone = root.client().phone();
      String name = label;
      if (name == null || name.isBlank()) {
        LicenseInfo info = root.client().status();
        name = hostName(root) + "/" + info.cmid().substring(0, 8);
      }
      PhoneActivation.Exported exported = phone.exportRequest(existing, name.strip());
      String text = exported.request().write();
      if (file == null) {
        root.ctx.out().print(text);
        return KeywardCli.OK;
      }
      if (exported.change() != ProxyRequest.Change.UNCHANGED) {
        PhoneActivation.writeFile(file, text);
      }
      int machines = exported.request().entries().size();
      if (root.json) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ok", true);
        o.put("file", file.toString());
        o.put("label", exported.entry().label());
        o.put("installationId", exported.entry().iid());
        o.put("change", exported.change().name().toLowerCase(Locale.ROOT));
        o.put("machines", machines);
        root.printer().object(o);
      } else {
        String what =
            switch (exported.change()) {
              case ADDED -> "Added " + exported.entry().label() + " to ";
              case REPLACED ->
                  "Replaced the entry of "
                      + exported.entry().label()
                      + " (new installation ID) in ";
              case UNCHANGED -> exported.entry().label() + " is already in ";
            };
        root.ctx.out().println(what + file + ": " + machines + " machine(s).");
        root.ctx.out().println("Installation ID: " + exported.entry().iid());
      }
      return KeywardCli.OK;
    }

    private static String hostName(KeywardCommand root) {
      String env = root.ctx.env().get("HOSTNAME");
      if (env != null && !env.isBlank()) {
        return env.strip();
      }
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "machine";
      }
    }
  }

  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description =
          "Apply this machine's confirmation ID from a response file. Applying it again changes"
              + " nothing; a file without this machine is refused (0xC004F02C).")
  static final class Apply implements Callable<Integer> {
    @ParentCommand ProxyCommand proxy;

    @Parameters(paramLabel = "RESPONSE")
    Path response;

    @Override
    public Integer call() {
      KeywardCommand root = proxy.root;
      Path file = root.ctx.workingDirectory().resolve(response);
      String text =
          PhoneActivation.readFile(file, false)
              .orElseThrow(
                  () -> KeywardException.of(ErrorCode.INPUT_FILE_INVALID, file + " is empty."));
      PhoneActivation.Applied applied = root.client().phone().applyResponse(text);
      PhoneActions.report(root, applied, "Confirmation ID from " + file + " accepted.");
      return KeywardCli.OK;
    }
  }
}
