package dev.keyward.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "Install, uninstall or clear the product key.",
    subcommands = {KeyCommand.Install.class, KeyCommand.Uninstall.class, KeyCommand.Clear.class})
final class KeyCommand {
  @ParentCommand KeywardCommand root;

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = "Install a product key, checked offline (slmgr /ipk).")
  static final class Install implements Callable<Integer> {
    @ParentCommand KeyCommand key;

    @Parameters(paramLabel = "KEY", description = "The product key, as typed.")
    String productKey;

    @Override
    public Integer call() {
      return Actions.installKey(key.root, productKey);
    }
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description = "Release the activation online, then remove the key (slmgr /upk).")
  static final class Uninstall implements Callable<Integer> {
    @ParentCommand KeyCommand key;

    @Override
    public Integer call() {
      return Actions.uninstallKey(key.root);
    }
  }

  @Command(
      name = "clear",
      mixinStandardHelpOptions = true,
      description = "Remove the key copy from the store (slmgr /cpky).")
  static final class Clear implements Callable<Integer> {
    @ParentCommand KeyCommand key;

    @Override
    public Integer call() {
      return Actions.clearKey(key.root);
    }
  }
}
