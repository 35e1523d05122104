package dev.keyward.cli;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code --help} on every command and sub-command, exit 0, whatever options it requires; with
 * {@code --json}, the help as one JSON object.
 */
final class CommandHelp {
  /**
   * Commands that read their own words and answer help themselves: slmgr's {@code /?}, DISM's,
   * cscript's, and the authority's flags.
   */
  private static final Set<String> OWN_HELP = Set.of("slmgr", "dism", "cscript", "serve");

  private CommandHelp() {}

  /** Adds {@code -h, --help} to every command that has no help option yet. */
  static void addEverywhere(CommandLine root) {
    Set<CommandLine> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    add(root, seen);
  }

  private static void add(CommandLine cl, Set<CommandLine> seen) {
    if (!seen.add(cl)) {
      return; // an alias of a command already done
    }
    CommandSpec spec = cl.getCommandSpec();
    if (!OWN_HELP.contains(spec.name())
        && spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
      String[] names =
          spec.findOption("-h") == null ? new String[] {"-h", "--help"} : new String[] {"--help"};
      spec.addOption(
          OptionSpec.builder(names)
              .usageHelp(true)
              .description("Show this help message and exit.")
              .build());
    }
    cl.getSubcommands().values().forEach(sub -> add(sub, seen));
  }

  /** Runs the command, but answers help and version as JSON when {@code --json} is given. */
  static final class Strategy implements CommandLine.IExecutionStrategy {
    private final KeywardCommand root;

    Strategy(KeywardCommand root) {
      this.root = root;
    }

    @Override
    public int execute(ParseResult parseResult) {
      if (root.json) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
          if (p.isUsageHelpRequested()) {
            return root.help(p.commandSpec().commandLine().getUsageMessage());
          }
          if (p.isVersionHelpRequested()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ok", true);
            o.put("version", String.join(" ", p.commandSpec().version()));
            root.printer().object(o);
            return KeywardCli.OK;
          }
        }
      }
      return new CommandLine.RunLast().execute(parseResult);
    }
  }
}
