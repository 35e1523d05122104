package dev.keyward.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward admin keys downgrade KEY --version V [--reason TEXT]}: the key of an earlier
 * version that KEY's downgrade rights give (same edition and channel), linked to the original.
 * Prints the downgrade key on the first line, then its record.
 */
@Command(
    name = "downgrade",
    mixinStandardHelpOptions = true,
    description =
        "Give the downgrade key of an earlier version (same edition and channel) for a key;"
            + " asking again gives the same key.")
final class AdminDowngradeCommand implements Callable<Integer> {
  @ParentCommand AdminKeysCommand keys;

  @Parameters(paramLabel = "KEY", description = "The key (any typed form) or its record id.")
  String key;

  @Option(
      names = "--version",
      required = true,
      paramLabel = "V",
      description = "An earlier version.")
  String version;

  @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "downgrade rights")
  String reason;

  @Override
  public Integer call() {
    AdminCommand admin = keys.admin;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    body.put("reason", reason);
    Map<String, Object> answer =
        admin.post("/v1/admin/keys/" + AdminCommand.keyPath(key) + "/downgrade", body);
    if (admin.json()) {
      admin.printer().object(answer);
      return KeywardCli.OK;
    }
    var out = admin.root.ctx.out();
    out.println(answer.get("key"));
    answer.forEach(
        (k, v) -> {
          if (!k.equals("key")) {
            out.println(k + ": " + (v == null ? "" : v));
          }
        });
    return KeywardCli.OK;
  }
}
