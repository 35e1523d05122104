package dev.keyward.cli;

import dev.keyward.client.AuthorityConnection;
import dev.keyward.client.KeywardException;
import dev.keyward.client.Proxies;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward admin}: the authority's admin API for operators and their scripts (SPEC §8). */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Administer an activation authority: keys, MAK pools, activations, audit log.",
    subcommands = {
      AdminCommand.Keys.class,
      AdminCommand.Mak.class,
      AdminCommand.Activations.class,
      AdminCommand.Audit.class,
      AdminPhoneCommand.class,
      AdminPhoneCommand.Proxy.class
    })
final class AdminCommand {
  /** Keys issued per request, so that a progress bar can move. */
  static final int BATCH = 100;

  @ParentCommand KeywardCommand root;

  @Option(
      names = "--authority",
      paramLabel = "URL",
      description = "Authority address (env KEYWARD_AUTHORITY; else <data>/authority.url).")
  String authority;

  @Option(
      names = "--token",
      paramLabel = "T",
      description = "Admin token (env KEYWARD_TOKEN; else <data>/admin-token).")
  String token;

  @Option(
      names = "--actor",
      paramLabel = "NAME",
      description =
          "Who acts, recorded in the audit log with each change (env KEYWARD_ACTOR; default:"
              + " admin).")
  String actor;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "A local authority's data directory: its admin-token and authority.url.")
  Path data;

  private Path dataDir() {
    if (data != null) {
      return root.ctx.workingDirectory().resolve(data);
    }
    return root.ctx.workingDirectory().resolve(KeywardCommand.DEFAULT_DATA);
  }

  AuthorityConnection connection() {
    String url = authority;
    if (url == null && root.authority != null) {
      url = root.authority;
    }
    if (url == null) {
      url = root.ctx.env().get("KEYWARD_AUTHORITY");
    }
    if (url == null || url.isBlank()) {
      url = KeywardCommand.readAuthorityUrl(dataDir()).orElse(KeywardCommand.DEFAULT_AUTHORITY);
    }
    return new AuthorityConnection(
        URI.create(url.strip()),
        Proxies.selector(root.ctx.env(), System.getProperties()),
        root.connectionOptions());
  }

  Optional<String> token() {
    if (token != null && !token.isBlank()) {
      return Optional.of(token.strip());
    }
    String env = root.ctx.env().get("KEYWARD_TOKEN");
    if (env != null && !env.isBlank()) {
      return Optional.of(env.strip());
    }
    Path file = dataDir().resolve("admin-token");
    if (Files.isRegularFile(file)) {
      try {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new KeywardException(
            dev.keyward.core.error.FileProblems.reading("The admin token file", file, e));
      }
    }
    throw KeywardException.of(
        ErrorCode.UNAUTHORIZED,
        "No admin token: give --token T, set KEYWARD_TOKEN, or --data DIR naming the authority's"
            + " data directory (looked for "
            + file
            + ").");
  }

  Map<String, Object> get(String path) {
    return send("GET", path, null);
  }

  Map<String, Object> post(String path, Map<String, ?> body) {
    return send("POST", path, body);
  }

  private Map<String, Object> send(String method, String path, Map<String, ?> body) {
    AuthorityConnection connection = connection();
    Optional<String> token = token();
    try {
      return connection.send(method, path, body, token, actorHeader());
    } catch (KeywardException e) {
      throw localAuthorityStopped(e).orElse(e);
    }
  }

  /**
   * When the address came from the data directory (a local authority) and nothing answers there,
   * the authority is simply not running: say so, and how to start it.
   */
  private Optional<KeywardException> localAuthorityStopped(KeywardException e) {
    boolean fromData =
        (authority == null || authority.isBlank())
            && (root.authority == null || root.authority.isBlank())
            && (root.ctx.env().get("KEYWARD_AUTHORITY") == null
                || root.ctx.env().get("KEYWARD_AUTHORITY").isBlank());
    Optional<String> url = KeywardCommand.readAuthorityUrl(dataDir());
    if (!fromData || url.isEmpty() || e.code() != ErrorCode.AUTHORITY_UNREACHABLE) {
      return Optional.empty();
    }
    return Optional.of(
        KeywardException.of(
            ErrorCode.AUTHORITY_UNREACHABLE,
            "The authority of "
                + dataDir()
                + " is not running: nothing answers at "
                + url.get()
                + ", the address it wrote to "
                + dataDir().resolve("authority.url")
                + " when it last started. Start it with: keyward authority serve --data "
                + dataDir()));
  }

  /** X-Keyward-Actor: --actor, else KEYWARD_ACTOR, else none (the authority records "admin"). */
  private Map<String, String> actorHeader() {
    String named = actor;
    if (named == null || named.isBlank()) {
      named = root.ctx.env().get("KEYWARD_ACTOR");
    }
    return named == null || named.isBlank() ? Map.of() : Map.of("X-Keyward-Actor", named.strip());
  }

  boolean json() {
    return root.json;
  }

  Printer printer() {
    return root.printer();
  }

  static String keyPath(String key) {
    return URLEncoder.encode(key.strip(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Prints a record as "field: value" lines, or as JSON. */
  void record(Map<String, ?> record) {
    if (json()) {
      printer().object(record);
      return;
    }
    record.forEach((k, v) -> printer().out().println(k + ": " + (v == null ? "" : v)));
  }

  // --- keys -------------------------------------------------------------------------------------

  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "Issue, show, block, unblock and downgrade product keys.",
      subcommands = {
        Keys.Issue.class,
        Keys.Show.class,
        Keys.Block.class,
        Keys.Unblock.class,
        AdminDowngradeCommand.class
      })
  static final class Keys {
    @ParentCommand AdminCommand admin;

    @Command(
        name = "issue",
        mixinStandardHelpOptions = true,
        description = "Issue keys: prints one key a line (--json: an array of key records).")
    static final class Issue implements Callable<Integer> {
      @ParentCommand Keys keys;

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
            new Progress(
                admin.root.ctx.err(), admin.root.ctx.stderrIsTerminal() && count > 1, count);
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
            throw KeywardException.of(
                ErrorCode.BAD_REQUEST, "The authority's answer lists no keys.");
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
      @ParentCommand Keys keys;

      @Parameters(paramLabel = "KEY")
      String key;

      @Override
      public Integer call() {
        keys.admin.record(keys.admin.get("/v1/admin/keys/" + keyPath(key)));
        return KeywardCli.OK;
      }
    }

    @Command(name = "block", mixinStandardHelpOptions = true, description = "Block a key.")
    static final class Block implements Callable<Integer> {
      @ParentCommand Keys keys;

      @Parameters(paramLabel = "KEY")
      String key;

      @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "blocked by an operator")
      String reason;

      @Override
      public Integer call() {
        keys.admin.record(
            keys.admin.post("/v1/admin/keys/" + keyPath(key) + "/block", Map.of("reason", reason)));
        return KeywardCli.OK;
      }
    }

    @Command(name = "unblock", mixinStandardHelpOptions = true, description = "Unblock a key.")
    static final class Unblock implements Callable<Integer> {
      @ParentCommand Keys keys;

      @Parameters(paramLabel = "KEY")
      String key;

      @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "unblocked by an operator")
      String reason;

      @Override
      public Integer call() {
        keys.admin.record(
            keys.admin.post(
                "/v1/admin/keys/" + keyPath(key) + "/unblock", Map.of("reason", reason)));
        return KeywardCli.OK;
      }
    }
  }

  // --- mak --------------------------------------------------------------------------------------

  @Command(
      name = "mak",
      mixinStandardHelpOptions = true,
      description = "Multiple activation keys.",
      subcommands = {Mak.Extend.class})
  static final class Mak {
    @ParentCommand AdminCommand admin;

    @Command(
        name = "extend",
        mixinStandardHelpOptions = true,
        description = "Add activations to a MAK's pool.")
    static final class Extend implements Callable<Integer> {
      @ParentCommand Mak mak;

      @Parameters(paramLabel = "KEY")
      String key;

      @Option(names = "--by", required = true, paramLabel = "N")
      int by;

      @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "pool extended by support")
      String reason;

      @Override
      public Integer call() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("by", by);
        body.put("reason", reason);
        mak.admin.record(mak.admin.post("/v1/admin/keys/" + keyPath(key) + "/extend", body));
        return KeywardCli.OK;
      }
    }
  }

  // --- activations ------------------------------------------------------------------------------

  @Command(
      name = "activations",
      mixinStandardHelpOptions = true,
      description = "List and release activations.",
      subcommands = {Activations.ListActivations.class, Activations.Release.class})
  static final class Activations {
    @ParentCommand AdminCommand admin;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List activations.")
    static final class ListActivations implements Callable<Integer> {
      @ParentCommand Activations activations;

      @Option(names = "--key", paramLabel = "KEY", description = "Only this key's.")
      String key;

      @Override
      public Integer call() {
        AdminCommand admin = activations.admin;
        Map<String, Object> answer =
            admin.get("/v1/admin/activations" + (key == null ? "" : "?key=" + keyPath(key)));
        if (admin.json()) {
          admin.printer().object(answer);
          return KeywardCli.OK;
        }
        List<?> list = answer.get("activations") instanceof List<?> l ? l : List.of();
        var out = admin.root.ctx.out();
        out.printf(
            "%-38s %-7s %-6s %-38s %-24s %s%n",
            "ACTIVATION", "KEY", "ACTIVE", "CMID", "ISSUED", "RELEASED");
        for (Object o : list) {
          if (o instanceof Map<?, ?> a) {
            out.printf(
                "%-38s %-7s %-6s %-38s %-24s %s%n",
                a.get("id"),
                a.get("partialKey"),
                a.get("active"),
                a.get("cmid"),
                a.get("issuedAt"),
                a.get("releasedAt") == null
                    ? ""
                    : a.get("releasedAt") + " (" + a.get("releaseReason") + ")");
          }
        }
        out.println(list.size() + " activation(s).");
        return KeywardCli.OK;
      }
    }

    @Command(
        name = "release",
        mixinStandardHelpOptions = true,
        description = "Release a key's activations, with a recorded reason (support).")
    static final class Release implements Callable<Integer> {
      @ParentCommand Activations activations;

      @Parameters(paramLabel = "KEY")
      String key;

      @Option(names = "--reason", required = true, paramLabel = "TEXT")
      String reason;

      @Override
      public Integer call() {
        AdminCommand admin = activations.admin;
        Map<String, Object> answer =
            admin.post("/v1/admin/keys/" + keyPath(key) + "/release", Map.of("reason", reason));
        if (admin.json()) {
          admin.printer().object(answer);
        } else {
          admin.root.ctx.out().println("Released " + answer.get("released") + " activation(s).");
        }
        return KeywardCli.OK;
      }
    }
  }

  // --- audit ------------------------------------------------------------------------------------

  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description = "The authority's audit log.",
      subcommands = {
        AdminAuditCommand.Verify.class,
        AdminPhoneCommand.AuditList.class,
        AdminAuditCommand.Checkpoint.class
      })
  static final class Audit {
    @ParentCommand AdminCommand admin;
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
