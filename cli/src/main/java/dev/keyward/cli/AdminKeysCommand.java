package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward admin keys}: issue, show, block, unblock and downgrade product keys. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Issue, show, block, unblock and downgrade product keys.",
    subcommands = {
      AdminKeysCommand.Issue.class,
      AdminKeysCommand.Show.class,
      AdminKeysCommand.Block.class,
      AdminKeysCommand.Unblock.class,
      AdminDowngradeCommand.class
    })
final class AdminKeysCommand {
  /** Keys issued per request, so that a progress bar can move. */
  static final int BATCH = 100;

  @ParentCommand AdminCommand admin;

  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = "Issue keys: prints one key a line (--json: an array of key records).")
  static final class Issue implements Callable<Integer> {
    @ParentCommand AdminKeysCommand keys;

    @Option(names = "--version", required = true, paramLabel = "V")
    String version;

    @Option(names = "--edition", paramLabel = "E", description = "Omitted for VOLUME_KMS_HOST.")
    String edition;

    @Option(
        names = "--channel",
        required = true,
        paramLabel = "C",
        description = "RETAIL, OEM, VOLUME_MAK, VOLUME_KMS_HOST, …")
    String channel;

    @Option(names = "--product", paramLabel = "P", description = "Default: the only product.")
    String product;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1")
    int count;

    @Option(names = "--pool", paramLabel = "N", description = "MAK activations per key.")
    Integer pool;

    @Option(names = "--json", description = "Print a JSON array of the issued key records.")
    boolean json;

    @Override
    public Integer call() {
      AdminCommand admin = keys.admin;
      if (count < 1) {
        throw new UsageError("--count must be at least 1.");
      }
      boolean asJson = json || admin.json();
      Progress progress =
          new Progress(admin.root.ctx.err(), admin.root.ctx.stderrIsTerminal() && count > 1, count);
      List<Object> issued = new ArrayList<>();
      int done = 0;
      while (done < count) {
        int n = Math.min(BATCH, count - done);
        Map<String, Object> body = new LinkedHashMap<>();
        if (product != null) {
          body.put("product", product);
        }
        body.put("version", version);
        if (edition != null) {
          body.put("edition", edition);
        }
        body.put("channel", channel);
        body.put("count", n);
        if (pool != null) {
          body.put("pool", pool);
        }
        Map<String, Object> answer = admin.post("/v1/admin/keys", body);
        if (!(answer.get("keys") instanceof List<?> list)) {
          throw KeywardException.of(ErrorCode.BAD_REQUEST, "The authority's answer lists no keys.");
        }
        for (Object record : list) {
          issued.add(record);
          if (!asJson && record instanceof Map<?, ?> m) {
            admin.root.ctx.out().println(m.get("key"));
          }
        }
        done += n;
        progress.show(done);
      }
      progress.finish();
      if (asJson) {
        admin.root.ctx.out().println(Json.write(issued));
      }
      return KeywardCli.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a key's record.")
  static final class Show implements Callable<Integer> {
    @ParentCommand AdminKeysCommand keys;

    @Parameters(paramLabel = "KEY")
    String key;

    @Override
    public Integer call() {
      keys.admin.record(keys.admin.get("/v1/admin/keys/" + AdminCommand.keyPath(key)));
      return KeywardCli.OK;
    }
  }

  @Command(name = "block", mixinStandardHelpOptions = true, description = "Block a key.")
  static final class Block implements Callable<Integer> {
    @ParentCommand AdminKeysCommand keys;

    @Parameters(paramLabel = "KEY")
    String key;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "blocked by an operator")
    String reason;

    @Override
    public Integer call() {
      keys.admin.record(
          keys.admin.post(
              "/v1/admin/keys/" + AdminCommand.keyPath(key) + "/block", Map.of("reason", reason)));
      return KeywardCli.OK;
    }
  }

  @Command(name = "unblock", mixinStandardHelpOptions = true, description = "Unblock a key.")
  static final class Unblock implements Callable<Integer> {
    @ParentCommand AdminKeysCommand keys;

    @Parameters(paramLabel = "KEY")
    String key;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "unblocked by an operator")
    String reason;

    @Override
    public Integer call() {
      keys.admin.record(
          keys.admin.post(
              "/v1/admin/keys/" + AdminCommand.keyPath(key) + "/unblock",
              Map.of("reason", reason)));
      return KeywardCli.OK;
    }
  }

  /** A progress bar on stderr, drawn only when stderr is a terminal. */
  static final class Progress {
    private final java.io.PrintStream err;
    private final boolean enabled;
    private final int total;

    Progress(java.io.PrintStream err, boolean enabled, int total) {
      this.err = err;
      this.enabled = enabled;
      this.total = total;
    }

    void show(int done) {
      if (!enabled) {
        return;
      }
      int width = 30;
      int filled = (int) ((long) done * width / total);
      err.print(
          "\r["
              + "#".repeat(filled)
              + " ".repeat(width - filled)
              + "] "
              + done
              + "/"
              + total
              + " keys");
      err.flush();
    }

    void finish() {
      if (enabled) {
        err.println();
      }
    }
  }
}
