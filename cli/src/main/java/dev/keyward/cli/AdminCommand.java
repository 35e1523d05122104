package dev.keyward.cli;

import dev.keyward.client.AuthorityConnection;
import dev.keyward.client.KeywardException;
import dev.keyward.client.Proxies;
import dev.keyward.core.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward admin}: the authority's admin API for operators and their scripts (SPEC §8). This
 * class holds what every admin command shares (the authority's address, the token, the actor, the
 * HTTP call); each command group is its own class (AdminKeysCommand, AdminMakCommand,
 * AdminActivationsCommand, AdminAuditCommand, AdminPhoneCommand).
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Administer an activation authority: keys, MAK pools, activations, audit log.",
    subcommands = {
      AdminKeysCommand.class,
      AdminMakCommand.class,
      AdminActivationsCommand.class,
      AdminCommand.Audit.class,
      AdminPhoneCommand.class,
      AdminPhoneCommand.Proxy.class
    })
final class AdminCommand {
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
}
