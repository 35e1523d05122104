package dev.keyward.authority;

import dev.keyward.authority.startup.StartupException;
import dev.keyward.authority.store.Database;
import dev.keyward.core.yaml.YamlSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds an {@link AuthorityConfig} from the flags of {@code keyward authority serve}, the {@code
 * KEYWARD_*} environment and {@code <data>/authority.yaml}: flags win over the environment, the
 * environment over the file, the file over the defaults (docs/configuration.md).
 */
public final class ConfigSources {
  public static final String FILE_NAME = "authority.yaml";

  public static final String USAGE =
      """
      Usage: keyward authority serve [--data DIR] [--port N] [--bind ADDR] [--db JDBC_URL]
                                     [--catalog FILE|builtin:winserver] [--allow-simulated-machines]
                                     [--tls-cert FILE --tls-key FILE | --tls-keystore FILE]
                                     [--insecure-http] [--master-key-file FILE]

        --data DIR                  data directory (secrets, admin token, SQLite database);
                                    default ./keyward-data, env KEYWARD_DATA
        --port N                    TCP port, 0 picks a free one; default 8080, env KEYWARD_PORT
        --bind ADDR                 address to listen on; default 127.0.0.1, env KEYWARD_BIND
        --db JDBC_URL               jdbc:postgresql://... or jdbc:sqlite:FILE; default SQLite
                                    <data>/keyward.db, env KEYWARD_DB
        --catalog FILE|builtin:NAME catalog to serve; default builtin:winserver, env KEYWARD_CATALOG
        --allow-simulated-machines  accept lab machines; env KEYWARD_ALLOW_SIMULATED=true
        --tls-cert FILE             serve HTTPS with this PEM certificate chain (server first);
                                    env KEYWARD_TLS_CERT
        --tls-key FILE              the certificate's PEM private key (unencrypted);
                                    env KEYWARD_TLS_KEY
        --tls-keystore FILE         serve HTTPS with a PKCS#12 keystore instead; its password in
                                    env KEYWARD_TLS_KEYSTORE_PASSWORD; env KEYWARD_TLS_KEYSTORE
        --insecure-http             allow plain HTTP on an address other than loopback (a TLS
                                    proxy in front terminates TLS); env KEYWARD_INSECURE_HTTP=true
        --master-key-file FILE      several nodes over one database: share the secrets through it,
                                    sealed with this key (base64 of 32 bytes); env
                                    KEYWARD_MASTER_KEY_FILE, or the key itself in KEYWARD_MASTER_KEY

      More settings (rate limits, trusted proxies, connection limits, body size) go in
      <data>/authority.yaml; see docs/configuration.md and docs/security.md.
      """;

  private static final Set<String> FILE_FIELDS =
      Set.of(
          "port",
          "bind",
          "db",
          "catalog",
          "allowSimulatedMachines",
          "rateLimits",
          "maxBodyBytes",
          "tls",
          "insecureHttp",
          "trustedProxies",
          "connections",
          "masterKeyFile");
  private static final Set<String> VALUE_FLAGS =
      Set.of(
          "--data",
          "--port",
          "--bind",
          "--db",
          "--catalog",
          "--tls-cert",
          "--tls-key",
          "--tls-keystore",
          "--master-key-file");

  private ConfigSources() {}

  /** A flag, value or file the operator must fix; the message says which and why. */
  public static final class UsageException extends StartupException {
    public UsageException(String message) {
      super(message);
    }
  }

  /** What the command line asked for. */
  public sealed interface Parsed {
    record Help() implements Parsed {}

    record Serve(AuthorityConfig config) implements Parsed {}
  }

  /**
   * Reads flags, then the environment, then the file in the data directory they name.
   *
   * @throws UsageException for a bad flag, value or file, with every problem of the file listed
   */
  public static Parsed parse(String[] args, Map<String, String> env) {
    Map<String, String> flags = new LinkedHashMap<>();
    boolean allowSimulated = false;
    boolean insecureHttp = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new Parsed.Help();
      }
      if (arg.equals("--allow-simulated-machines")) {
        allowSimulated = true;
        continue;
      }
      if (arg.equals("--insecure-http")) {
        insecureHttp = true;
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!VALUE_FLAGS.contains(name)) {
        throw new UsageException("unknown option '" + arg + "' (see --help)");
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new UsageException("option " + name + " needs a value (see --help)");
        }
        value = args[++i];
      }
      if (flags.put(name, value) != null) {
        throw new UsageException("option " + name + " is given twice");
      }
    }

    String dataText =
        first(flags.get("--data"), env.get("KEYWARD_DATA")).orElse(AuthorityConfig.DEFAULT_DATA);
    Path data = path(dataText, "--data / KEYWARD_DATA");
    AuthorityConfig.Builder builder = AuthorityConfig.builder().dataDir(data);
    applyFile(builder, data.resolve(FILE_NAME), env);

    first(env.get("KEYWARD_PORT"), null).ifPresent(v -> builder.port(port(v, "KEYWARD_PORT")));
    first(env.get("KEYWARD_BIND"), null).ifPresent(builder::bind);
    first(env.get("KEYWARD_DB"), null).ifPresent(builder::jdbcUrl);
    first(env.get("KEYWARD_CATALOG"), null).ifPresent(builder::catalog);
    first(env.get("KEYWARD_ALLOW_SIMULATED"), null)
        .ifPresent(v -> builder.allowSimulatedMachines(bool(v, "KEYWARD_ALLOW_SIMULATED")));

    Optional.ofNullable(flags.get("--port")).ifPresent(v -> builder.port(port(v, "--port")));
    Optional.ofNullable(flags.get("--bind")).ifPresent(builder::bind);
    Optional.ofNullable(flags.get("--db")).ifPresent(builder::jdbcUrl);
    Optional.ofNullable(flags.get("--catalog")).ifPresent(builder::catalog);
    if (allowSimulated) {
      builder.allowSimulatedMachines(true);
    }
    first(env.get("KEYWARD_INSECURE_HTTP"), null)
        .ifPresent(v -> builder.edge(e -> e.withInsecureHttp(bool(v, "KEYWARD_INSECURE_HTTP"))));
    if (insecureHttp) {
      builder.edge(e -> e.withInsecureHttp(true));
    }
    TlsSources.apply(builder, flags, env);
    first(env.get("KEYWARD_MASTER_KEY"), null)
        .ifPresent(v -> builder.masterKey(MasterKey.parse(v, "KEYWARD_MASTER_KEY")));
    first(flags.get("--master-key-file"), env.get("KEYWARD_MASTER_KEY_FILE"))
        .ifPresent(
            v ->
                builder.masterKey(
                    MasterKey.fromFile(path(v, "--master-key-file / KEYWARD_MASTER_KEY_FILE"))));
    AuthorityConfig config = builder.build();
    if (config.bind().isBlank()) {
      throw new UsageException("the bind address is empty");
    }
    config.jdbcUrl().ifPresent(ConfigSources::checkJdbcUrl);
    return new Parsed.Serve(config);
  }

  static void checkJdbcUrl(String url) {
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      throw new UsageException(
          "--db must be a jdbc:postgresql://HOST/DB or jdbc:sqlite:FILE URL (got '"
              + Database.redact(url)
              + "')");
    }
  }

  static Optional<String> first(String a, String b) {
    if (a != null && !a.isBlank()) {
      return Optional.of(a.strip());
    }
    if (b != null && !b.isBlank()) {
      return Optional.of(b.strip());
    }
    return Optional.empty();
  }

  static Path path(String text, String where) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new UsageException(where + ": '" + text + "' is not a path");
    }
  }

  private static int port(String text, String where) {
    try {
      int port = Integer.parseInt(text.strip());
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(where + ": '" + text + "' is not a port (0..65535)");
  }

  private static boolean bool(String text, String where) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new UsageException(where + ": '" + text + "' is not true or false");
    };
  }

  /** Applies {@code <data>/authority.yaml} if there is one; every mistake in it is listed. */
  private static void applyFile(
      AuthorityConfig.Builder builder, Path file, Map<String, String> env) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    YamlSource checked = YamlSource.parse(text, file.toString());
    if (!checked.problems().isEmpty() && !text.isBlank()) {
      throw new UsageException(checked.problems().get(0).toString());
    }
    Object root;
    try {
      root =
          new Load(LoadSettings.builder().setMaxAliasesForCollections(0).build())
              .loadFromString(text);
    } catch (YamlEngineException e) {
      throw new UsageException(file + ": not valid YAML (" + firstLine(e.getMessage()) + ")");
    }
    if (root == null) {
      return;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new UsageException(file + ": expected a mapping of settings");
    }
    List<String> problems = new ArrayList<>();
    for (Object key : map.keySet()) {
      if (!FILE_FIELDS.contains(String.valueOf(key))) {
        problems.add(
            "unknown setting '" + key + "' (expected one of " + String.join(", ", sorted()) + ")");
      }
    }
    integer(map, "port", 0, 65_535, problems).ifPresent(builder::port);
    text(map, "bind", problems).ifPresent(builder::bind);
    text(map, "db", problems).ifPresent(builder::jdbcUrl);
    text(map, "catalog", problems).ifPresent(builder::catalog);
    text(map, "masterKeyFile", problems)
        .ifPresent(v -> builder.masterKey(MasterKey.fromFile(file.resolveSibling(v))));
    if (map.containsKey("allowSimulatedMachines")) {
      if (map.get("allowSimulatedMachines") instanceof Boolean b) {
        builder.allowSimulatedMachines(b);
      } else {
        problems.add("allowSimulatedMachines: expected true or false");
      }
    }
    integer(map, "maxBodyBytes", 1024, 16 * 1024 * 1024, problems).ifPresent(builder::maxBodyBytes);
    if (map.containsKey("insecureHttp")) {
      if (map.get("insecureHttp") instanceof Boolean b) {
        builder.edge(e -> e.withInsecureHttp(b));
      } else {
        problems.add("insecureHttp: expected true or false");
      }
    }
    EdgeSettings.apply(builder, map, file, env.get("KEYWARD_TLS_KEYSTORE_PASSWORD"), problems);
    RateLimitSettings.apply(builder, map, problems);
    if (!problems.isEmpty()) {
      throw new UsageException(file + ":\n  " + String.join("\n  ", problems));
    }
  }

  private static List<String> sorted() {
    return FILE_FIELDS.stream().sorted().toList();
  }

  private static Optional<Integer> integer(
      Map<?, ?> map, String name, int min, int max, List<String> problems) {
    if (!map.containsKey(name)) {
      return Optional.empty();
    }
    if (map.get(name) instanceof Integer i && i >= min && i <= max) {
      return Optional.of(i);
    }
    problems.add(name + ": expected a whole number " + min + ".." + max);
    return Optional.empty();
  }

  private static Optional<String> text(Map<?, ?> map, String name, List<String> problems) {
    if (!map.containsKey(name)) {
      return Optional.empty();
    }
    if (map.get(name) instanceof String s && !s.isBlank()) {
      return Optional.of(s.strip());
    }
    problems.add(name + ": expected text");
    return Optional.empty();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
