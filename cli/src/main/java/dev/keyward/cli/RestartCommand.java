package dev.keyward.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "restart",
    mixinStandardHelpOptions = true,
    description = "Apply pending edition conversions (as the restart after dism /Set-Edition).")
final class RestartCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Override
  public Integer call() {
    String message = "Nothing is pending: no edition conversion waits for a restart.";
    if (root.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", true);
      o.put("pending", false);
      o.put("message", message);
      root.printer().object(o);
    } else {
      root.ctx.out().println(message);
    }
    return KeywardCli.OK;
  }
}
