package dev.keyward.cli;

import dev.keyward.cli.Printer.View;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "expiry",
    mixinStandardHelpOptions = true,
    description = "Say whether the activation is permanent, or when it expires (slmgr /xpr).")
final class ExpiryCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Override
  public Integer call() {
    return Actions.show(root, View.XPR);
  }
}
