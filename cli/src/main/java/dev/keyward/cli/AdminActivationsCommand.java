package dev.keyward.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward admin activations}: list and release activations. */
@Command(
    name = "activations",
    mixinStandardHelpOptions = true,
    description = "List and release activations.",
    subcommands = {
      AdminActivationsCommand.ListActivations.class,
      AdminActivationsCommand.Release.class
    })
final class AdminActivationsCommand {
  @ParentCommand AdminCommand admin;

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List activations.")
  static final class ListActivations implements Callable<Integer> {
    @ParentCommand AdminActivationsCommand activations;

    @Option(names = "--key", paramLabel = "KEY", description = "Only this key's.")
    String key;

    @Override
    public Integer call() {
      AdminCommand admin = activations.admin;
      Map<String, Object> answer =
          admin.get(
              "/v1/admin/activations" + (key == null ? "" : "?key=" + AdminCommand.keyPath(key)));
      if (admin.json()) {
        admin.printer().object(answer);
        return KeywardCli.OK;
      }
      List<?> list = answer.get("activations") instanceof List<?> l ? l : List.of();
      var out = admin.root.ctx.out();
      out.printf(
          "%-38s %-7s %-6s %-38s %-24s %s%n",
          "ACTIVATION", "KEY", "ACTIVE", "CMID", "ISSUED", "RELEASED");
      for (Object o : list) {
        if (o instanceof Map<?, ?> a) {
          out.printf(
              "%-38s %-7s %-6s %-38s %-24s %s%n",
              a.get("id"),
              a.get("partialKey"),
              a.get("active"),
              a.get("cmid"),
              a.get("issuedAt"),
              a.get("releasedAt") == null
                  ? ""
                  : a.get("releasedAt") + " (" + a.get("releaseReason") + ")");
        }
      }
      out.println(list.size() + " activation(s).");
      return KeywardCli.OK;
    }
  }

  @Command(
      name = "release",
      mixinStandardHelpOptions = true,
      description = "Release a key's activations, with a recorded reason (support).")
  static final class Release implements Callable<Integer> {
    @ParentCommand AdminActivationsCommand activations;

    @Parameters(paramLabel = "KEY")
    String key;

    @Option(names = "--reason", required = true, paramLabel = "TEXT")
    String reason;

    @Option(
        names = "--activation",
        paramLabel = "ID",
        description = "Release only this activation (act-…); the key's other machines stay.")
    String activation;

    @Override
    public Integer call() {
      AdminCommand admin = activations.admin;
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("reason", reason);
      if (activation != null) {
        body.put("activation", activation);
      }
      Map<String, Object> answer =
          admin.post("/v1/admin/keys/" + AdminCommand.keyPath(key) + "/release", body);
      if (admin.json()) {
        admin.printer().object(answer);
      } else {
        admin.root.ctx.out().println("Released " + answer.get("released") + " activation(s).");
      }
      return KeywardCli.OK;
    }
  }
}
