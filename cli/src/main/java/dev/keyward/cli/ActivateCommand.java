package dev.keyward.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "activate",
    mixinStandardHelpOptions = true,
    description = "Activate the installed key online (slmgr /ato).")
final class ActivateCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Override
  public Integer call() {
    return Actions.activate(root);
  }
}
