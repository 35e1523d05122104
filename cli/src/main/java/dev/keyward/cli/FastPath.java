package dev.keyward.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The command lines an administrator runs most, answered without building picocli's model (which
 * costs more than the answer at every start): {@code --version}, and {@code slmgr} (or {@code
 * slmgr.vbs}, {@code cscript slmgr.vbs}) after the global options, whose words slmgr reads itself
 * anyway. Anything else, or any global option written otherwise ({@code --store=DIR}), goes to
 * picocli; so do errors' printing and exit codes, through {@link KeywardCli#failed}.
 */
final class FastPath {
  private FastPath() {}

  /** The exit status, or empty when picocli must read this command line. */
  static OptionalInt run(KeywardCommand root, String[] args) {
    Map<String, String> globals = new LinkedHashMap<>();
    boolean json = false;
    int i = 0;
    while (i < args.length) {
      String a = args[i];
      if (a.equals("--json")) {
        json = true;
        i++;
      } else if (List.of("--store", "--machine", "--authority", "--trust", "--product")
          .contains(a)) {
        if (i + 1 >= args.length || globals.containsKey(a)) {
          return OptionalInt.empty();
        }
        globals.put(a, args[i + 1]);
        i += 2;
      } else {
        break;
      }
    }
    if (i >= args.length) {
      return OptionalInt.empty();
    }
    String command = args[i].toLowerCase(Locale.ROOT);
    List<String> rest = List.of(args).subList(i + 1, args.length);
    boolean version = (command.equals("--version") || command.equals("-v")) && rest.isEmpty();
    boolean slmgr = command.equals("slmgr") || command.equals("slmgr.vbs");
    boolean cscript = command.equals("cscript");
    if (!version && !slmgr && !cscript) {
      return OptionalInt.empty();
    }
    if (command.equals("-v") && !args[i].equals("-V")) {
      return OptionalInt.empty(); // -v is not an option of keyward: picocli says so
    }
    apply(root, globals, json);
    if (version) {
      return OptionalInt.of(version(root));
    }
    try {
      if (slmgr) {
        SlmgrCommand s = new SlmgrCommand();
        s.root = root;
        s.args = new java.util.ArrayList<>(rest);
        return OptionalInt.of(s.call());
      }
      CscriptCommand c = new CscriptCommand();
      c.root = root;
      c.args = new java.util.ArrayList<>(rest);
      return OptionalInt.of(c.call());
    } catch (Exception e) {
      return OptionalInt.of(KeywardCli.failed(root.ctx, root, e));
    }
  }

  private static void apply(KeywardCommand root, Map<String, String> globals, boolean json) {
    root.json = json;
    globals.forEach(
        (option, value) -> {
          switch (option) {
            case "--store" -> root.store = Path.of(value);
            case "--machine" -> root.machineFile = Path.of(value);
            case "--authority" -> root.authority = value;
            case "--trust" -> root.trust = Path.of(value);
            case "--product" -> root.product = value;
            default -> throw new IllegalStateException(option);
          }
        });
  }

  private static int version(KeywardCommand root) {
    String version = String.join("\n", new KeywardCommand.Version().getVersion());
    if (root.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", true);
      o.put("version", version);
      root.printer().object(o);
    } else {
      root.ctx.out().println(version);
    }
    return KeywardCli.OK;
  }
}
