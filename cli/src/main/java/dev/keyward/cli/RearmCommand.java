package dev.keyward.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "rearm",
    mixinStandardHelpOptions = true,
    description = "Restart the evaluation or initial grace period (slmgr /rearm).")
final class RearmCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Override
  public Integer call() {
    return Actions.rearm(root);
  }
}
