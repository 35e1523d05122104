package dev.keyward.authority;

import dev.keyward.authority.audit.AuditLog;
import dev.keyward.authority.audit.Checkpointer;
import dev.keyward.authority.console.ConsoleQueries;
import dev.keyward.authority.console.ConsoleSessions;
import dev.keyward.authority.console.ErrorTally;
import dev.keyward.authority.console.VendorConsole;
import dev.keyward.authority.http.AdminTokens;
import dev.keyward.authority.http.Api;
import dev.keyward.authority.http.ClientAddress;
import dev.keyward.authority.http.EdgeConnector;
import dev.keyward.authority.http.RateLimiter;
import dev.keyward.authority.http.Route;
import dev.keyward.authority.http.Throttle;
import dev.keyward.authority.startup.StartupException;
import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoad;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.yaml.SourceProblem;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running activation authority (docs/api.md, "Java entry points"). Stateless over its database:
 * several may serve one PostgreSQL database if they share the data directory's secrets.
 */
public final class AuthorityServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuthorityServer.class);

  private final Javalin app;
  private final Database db;
  private final DataDirectory data;
  private final URI uri;
  private final List<Route> routes;
  private final AtomicReference<Catalog> catalog;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AuditLog auditLog;
  private CatalogFollower follower;
  private final ErrorTally errors;

  private AuthorityServer(
      Javalin app,
      Database db,
      DataDirectory data,
      URI uri,
      List<Route> routes,
      AtomicReference<Catalog> catalog,
      AuditLog auditLog,
      ErrorTally errors) {
    this.auditLog = auditLog;
    this.errors = errors;
    this.app = app;
    this.db = db;
    this.data = data;
    this.uri = uri;
    this.routes = routes;
    this.catalog = catalog;
  }

  /**
   * Opens the data directory (creating its secrets on first start), connects and migrates the
   * database, loads the catalog and starts listening; writes {@code <data>/authority.url}.
   *
   * @throws StartupException with the reason in words (port in use, invalid catalog, database
   *     unreachable, …)
   */
  public static AuthorityServer start(AuthorityConfig config) {
    config.jdbcUrl().ifPresent(ConfigSources::checkJdbcUrl);
    ClientAddress proxies = EdgeChecks.proxies(config.edge());
    EdgeChecks.requireTlsOffLoopback(config.bind(), config.edge());
    EdgeChecks.requireReadableTls(config.edge());
    // The data directory first, so that it is created owner-only before the log file lands in it.
    // With a master key its secrets come from the database, so it is opened after the database.
    Path root = config.dataDir().toAbsolutePath();
    DataDirectory data =
        config.masterKey().isPresent() ? null : DataDirectory.open(config.dataDir());
    if (data == null) {
      DataDirectory.createRoot(root);
    }
    Logging.configureIfUnconfigured(root);
    Catalog startCatalog = null;
    if (config.catalog().isPresent()) {
      // Checked before the database, so a bad catalog is reported even with no database.
      startCatalog = loadCatalog(config.catalog().get());
    }
    Database db = Database.open(config.jdbcUrl().orElse(Database.sqliteUrl(root)));
    try {
      if (config.masterKey().isPresent()) {
        SharedSecrets.synchronise(db, config.masterKey().get(), root, config.clock().millis());
        data = DataDirectory.open(root);
      } else {
        SharedSecrets.requireNotShared(db);
      }
      Store store = new Store(db);
      if (startCatalog == null) {
        startCatalog =
            db.read(h -> store.catalogs().latestCatalog(h))
                .map(row -> loadStored(row.source(), row.content().orElse("")))
                .orElseGet(() -> loadCatalog(AuthorityConfig.DEFAULT_CATALOG));
      }
      return serve(config, db, store, data, new AtomicReference<>(startCatalog), proxies);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The services, the route table and the listening server, over an open database. */
  private static AuthorityServer serve(
      AuthorityConfig config,
      Database db,
      Store store,
      DataDirectory data,
      AtomicReference<Catalog> catalog,
      ClientAddress proxies) {
    String tokenHash = Api.sha256Hex(data.adminToken());
    long now = config.clock().millis();
    List<String> hashes =
        db.write(
            h -> {
              store.tokens().ensureAdminToken(h, tokenHash, now);
              return store.tokens().adminTokenHashes(h);
            });
    Keyring keyring = Keyring.of(data);
    ActivationService activations =
        new ActivationService(
            store, keyring, catalog::get, config.clock(), config.allowSimulatedMachines());
    HeldActivations held = new HeldActivations(store, keyring, catalog::get, config.clock());
    AuditLog auditLog = auditLog(config, store, keyring, data);
    AdminService admin = new AdminService(store, keyring, catalog, config.clock(), held, auditLog);
    PrometheusMeterRegistry registry = metrics();
    Throttle throttle =
        new Throttle(
            new RateLimiter(config.perAddress(), System::nanoTime),
            new RateLimiter(config.failuresPerAddress(), System::nanoTime),
            new RateLimiter(config.perKey(), System::nanoTime));
    PhoneActivationService phone =
        new PhoneActivationService(
            store, keyring, catalog::get, config.clock(), config.allowSimulatedMachines());
    Routes routes =
        new Routes(
            activations,
            held,
            admin,
            throttle,
            db,
            registry,
            DataDirectory.trustJson(keyring.trustedKeys(), keyring.phoneKeys().trusted()),
            new PhoneRoutes(phone, throttle));
    ErrorTally errors = new ErrorTally(db, config.clock());
    List<Route> table = new java.util.ArrayList<>(routes.table());
    table.addAll(
        new VendorConsole(
                new ConsoleServices(admin, phone, catalog::get),
                new ConsoleQueries(db),
                errors,
                new ConsoleSessions(db, config.clock()),
                new AdminTokens(hashes),
                config.clock(),
                config.edge().tls().isPresent())
            .routes());
    Api api =
        new Api(
            table,
            throttle,
            proxies,
            hashes,
            config.maxBodyBytes(),
            AuthorityConfig.MAX_CATALOG_BYTES,
            registry);
    routes.bind(api);
    api.onProblem(errors::count);
    Javalin app = listen(config, api, proxies);
    String scheme = config.edge().tls().isPresent() ? "https" : "http";
    URI uri = URI.create(scheme + "://" + urlHost(config.bind()) + ":" + app.port());
    data.writeUrl(uri.toString());
    LOG.info("listening on {} (database {}, catalog {})", uri, db.url(), catalog.get().source());
    AuthorityServer server =
        new AuthorityServer(app, db, data, uri, table, catalog, auditLog.start(), errors);
    if (config.catalog().isEmpty()) {
      server.follower = new CatalogFollower(db, store, catalog); // uploads to other nodes
    }
    return server;
  }

  private static AuditLog auditLog(
      AuthorityConfig config, Store store, Keyring keyring, DataDirectory data) {
    try {
      return new AuditLog(
          store,
          keyring.signer(),
          keyring.trustedKeys(),
          data.root(),
          config.clock(),
          Checkpointer.Policy.DEFAULT);
    } catch (java.io.UncheckedIOException e) {
      throw new StartupException(e.getMessage(), e); // the checkpoint file cannot be read
    }
  }

  private static PrometheusMeterRegistry metrics() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(registry);
    return registry;
  }

  /** The Jetty server on its connector (TLS, timeouts, caps), started; a clear failure if not. */
  private static Javalin listen(AuthorityConfig config, Api api, ClientAddress proxies) {
    Javalin app =
        api.create(
            config.bind(),
            config.port(),
            javalin ->
                javalin.jetty.addConnector(
                    (server, http) ->
                        EdgeConnector.create(
                            server, http, config.bind(), config.port(), config.edge(), proxies)));
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw bindFailure(config, e);
    }
    return app;
  }

  private static StartupException bindFailure(AuthorityConfig config, RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StartupException startup) {
        return startup;
      }
      if (t instanceof BindException
          || String.valueOf(t.getMessage()).toLowerCase().contains("already in use")) {
        return new StartupException(
            "port " + config.port() + " on " + config.bind() + " is already in use", e);
      }
    }
    return new StartupException(
        "cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
  }

  static String urlHost(String bind) {
    return switch (bind) {
      case "0.0.0.0" -> "127.0.0.1";
      case "::", "[::]" -> "[::1]";
      default -> bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    };
  }

  /** Loads {@code builtin:NAME} or a catalog file, listing every problem on failure. */
  static Catalog loadCatalog(String name) {
    CatalogLoad load;
    if (name.startsWith("builtin:")) {
      load = CatalogLoader.builtin(name);
    } else {
      Path file = Path.of(name);
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new StartupException("cannot read the catalog " + file + ": " + e.getMessage(), e);
      }
      load = CatalogLoader.load(text, file.toString());
    }
    return switch (load) {
      case CatalogLoad.Loaded loaded -> loaded.catalog();
      case CatalogLoad.Invalid invalid ->
          throw new StartupException(
              "the catalog "
                  + name
                  + " is invalid:\n  "
                  + invalid.problems().stream()
                      .map(SourceProblem::toString)
                      .collect(Collectors.joining("\n  ")));
    };
  }

  private static Catalog loadStored(String source, String content) {
    return switch (CatalogLoader.load(content, source)) {
      case CatalogLoad.Loaded loaded -> loaded.catalog();
      case CatalogLoad.Invalid invalid ->
          throw new StartupException(
              "the catalog stored in the database is invalid; start with --catalog:\n  "
                  + invalid.problems().stream()
                      .map(SourceProblem::toString)
                      .collect(Collectors.joining("\n  ")));
    };
  }

  /** {@code http(s)://HOST:PORT}, the port the server really listens on. */
  public URI uri() {
    return uri;
  }

  /** The admin bearer token, as {@code <data>/admin-token} holds it. */
  public String adminToken() {
    return data.adminToken();
  }

  /** The certificate-signing public keys; what {@code GET /v1/trust} answers. */
  public List<TrustedKey> trustedKeys() {
    return data.trustedKeys();
  }

  /** The phone activation public keys, active first; {@code GET /v1/trust}'s {@code phoneKeys}. */
  public List<TrustedPhoneKey> trustedPhoneKeys() {
    return data.phoneKeys().trusted();
  }

  public Path dataDir() {
    return data.root();
  }

  /** The catalog being served. */
  public Catalog catalog() {
    return catalog.get();
  }

  /** The route table, as registered (tests compare it with openapi.json). */
  public List<Route> routes() {
    return routes;
  }

  /** The database (tests and the lab inspect what is stored). */
  public Database database() {
    return db;
  }

  /** The audit log's checkpoints (tests write them on demand). */
  public AuditLog auditLog() {
    return auditLog;
  }

  /** Blocks until {@link #close()}. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    try {
      app.stop();
    } finally {
      if (follower != null) {
        follower.close();
      }
      auditLog.close(); // the last checkpoint, while the database is still open
      errors.close(); // the last error counts too
      db.close();
      data.forgetUrl(uri.toString());
      closed.countDown();
    }
  }
}
