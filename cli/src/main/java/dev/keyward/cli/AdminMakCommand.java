package dev.keyward.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward admin mak}: multiple activation keys (extend a pool). */
@Command(
    name = "mak",
    mixinStandardHelpOptions = true,
    description = "Multiple activation keys.",
    subcommands = {AdminMakCommand.Extend.class})
final class AdminMakCommand {
  @ParentCommand AdminCommand admin;

  @Command(
      name = "extend",
      mixinStandardHelpOptions = true,
      description = "Add activations to a MAK's pool.")
  static final class Extend implements Callable<Integer> {
    @ParentCommand AdminMakCommand mak;

    @Parameters(paramLabel = "KEY")
    String key;

    @Option(names = "--by", required = true, paramLabel = "N")
    int by;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "pool extended by support")
    String reason;

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("by", by);
      body.put("reason", reason);
      mak.admin.record(
          mak.admin.post("/v1/admin/keys/" + AdminCommand.keyPath(key) + "/extend", body));
      return KeywardCli.OK;
    }
  }
}
