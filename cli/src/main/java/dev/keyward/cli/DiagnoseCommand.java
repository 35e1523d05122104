package dev.keyward.cli;

import dev.keyward.client.Diagnostics;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward diagnose}: what is wrong with this machine's license and what to type (SPEC §17).
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {
      "Examine this machine's license and say what is wrong and which commands fix it.",
      "Read-only: it changes nothing (no store write, no event, nothing sent that spends or"
          + " changes anything); it connects to the authority's and the volume hosts' ports and"
          + " asks DNS for the volume hosts' SRV record.",
      "Findings come most important first: what is wrong, the facts that show it, the error code"
          + " (keyward explain CODE has its general remedies) and the commands with this machine's"
          + " values; KEY and HOST:PORT are yours to fill in. A healthy machine gets 'No problem"
          + " found.' and the facts.",
      "The global options may also come after the verb: --store DIR, --machine FILE, --json."
    })
final class DiagnoseCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Option(names = "--json", description = "One JSON object: findings[] and facts.")
  boolean json;

  @Option(names = "--store", paramLabel = "DIR", description = "License store directory.")
  Path store;

  @Option(
      names = "--machine",
      paramLabel = "FILE",
      description = "Machine file instead of this machine's hardware.")
  Path machine;

  @Override
  public Integer call() {
    if (json) {
      root.json = true;
    }
    if (store != null) {
      root.store = store;
    }
    if (machine != null) {
      root.machineFile = machine;
    }
    Diagnostics.Report report = root.client().diagnose();
    DiagnosePrinter printer = new DiagnosePrinter(report);
    if (root.json) {
      root.printer().object(printer.json());
    } else {
      root.ctx.out().print(printer.text());
    }
    return KeywardCli.OK;
  }
}
