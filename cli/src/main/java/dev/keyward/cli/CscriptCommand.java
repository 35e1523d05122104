package dev.keyward.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code keyward cscript slmgr.vbs /dli}: the line administrators copy from the seeds, with the
 * script host in front. The host's own options ({@code //nologo}, {@code //B}) are ignored; the
 * script must be slmgr (or slmgr.vbs), whose verbs follow.
 */
@Command(
    name = "cscript",
    description = "cscript slmgr.vbs /VERB [ARGUMENT]: the same as keyward slmgr /VERB.")
final class CscriptCommand implements Callable<Integer> {
  @ParentCommand KeywardCommand root;

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> rest = new ArrayList<>(args);
    rest.removeIf(a -> a.startsWith("//"));
    if (rest.isEmpty()) {
      throw new UsageError("cscript needs the script: keyward cscript slmgr.vbs /VERB.");
    }
    String script = rest.get(0).toLowerCase(Locale.ROOT).replace('\\', '/');
    script = script.substring(script.lastIndexOf('/') + 1);
    if (script.equals("--help") || script.equals("-h") || script.equals("/?")) {
      return root.help(SlmgrCommand.HELP);
    }
    if (!script.equals("slmgr.vbs") && !script.equals("slmgr")) {
      throw new UsageError(
          "keyward runs one script, slmgr.vbs ('"
              + rest.get(0)
              + "' is not it): keyward cscript"
              + " slmgr.vbs /VERB.");
    }
    SlmgrCommand slmgr = new SlmgrCommand();
    slmgr.root = root;
    slmgr.args = rest.subList(1, rest.size());
    return slmgr.call();
  }
}
