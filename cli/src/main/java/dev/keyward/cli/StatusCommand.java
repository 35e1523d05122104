package dev.keyward.cli;

import dev.keyward.cli.Printer.View;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the license status (slmgr /dli; --verbose: slmgr /dlv).")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Option(
      names = {"-v", "--verbose"},
      description = "Detailed information, as slmgr /dlv.")
  boolean verbose;

  @Override
  public Integer call() {
    return Actions.show(root, verbose ? View.DLV : View.DLI);
  }
}
