package dev.keyward.authority;

import dev.keyward.authority.http.HttpEdge;
import dev.keyward.authority.http.RateLimit;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How an authority runs. Build one with {@link #builder()}; {@link ConfigSources} builds one from
 * flags, environment and {@code <data>/authority.yaml}.
 *
 * @param dataDir secrets, token, trust list and (by default) the SQLite database
 * @param port TCP port; 0 picks a free one
 * @param bind address to listen on
 * @param jdbcUrl empty: SQLite file {@code <data>/keyward.db}; else a {@code jdbc:sqlite:} or
 *     {@code jdbc:postgresql:} URL
 * @param catalog empty: the catalog last loaded into the database, else {@code builtin:winserver};
 *     else {@code builtin:NAME} or a catalog file
 * @param allowSimulatedMachines accept lab machines (SPEC §8)
 * @param clock the time every decision, certificate and audit entry uses
 * @param perAddress rate limit of the client endpoints per client address
 * @param perKey failed requests of one product key from one client address (wrong or unknown key,
 *     refusals); successes are not counted, so a rollout of many machines with one key is not
 *     throttled
 * @param failuresPerAddress failed key requests from one client address, whatever the key
 *     (guessing)
 * @param maxBodyBytes largest request body of the JSON endpoints (catalog uploads: 1 MiB)
 * @param edge TLS, trusted proxies and per-connection limits
 * @param masterKey seals the secrets several nodes of one database share in it (docs/scale-out.md);
 *     empty: the secrets stay in the data directory only
 */
public record AuthorityConfig(
    Path dataDir,
    int port,
    String bind,
    Optional<String> jdbcUrl,
    Optional<String> catalog,
    boolean allowSimulatedMachines,
    Clock clock,
    RateLimit perAddress,
    RateLimit perKey,
    RateLimit failuresPerAddress,
    int maxBodyBytes,
    HttpEdge edge,
    Optional<MasterKey> masterKey) {

  public static final String DEFAULT_DATA = "keyward-data";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final String DEFAULT_CATALOG = "builtin:winserver";
  public static final RateLimit DEFAULT_PER_ADDRESS = new RateLimit(120, 20);
  public static final RateLimit DEFAULT_PER_KEY = new RateLimit(10, 0.05);
  public static final RateLimit DEFAULT_FAILURES_PER_ADDRESS = new RateLimit(30, 0.1);
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  public static final int MAX_CATALOG_BYTES = 1024 * 1024;

  public AuthorityConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(perAddress, "perAddress");
    Objects.requireNonNull(perKey, "perKey");
    Objects.requireNonNull(failuresPerAddress, "failuresPerAddress");
    Objects.requireNonNull(edge, "edge");
    Objects.requireNonNull(masterKey, "masterKey");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .dataDir(dataDir)
        .port(port)
        .bind(bind)
        .jdbcUrl(jdbcUrl)
        .catalog(catalog)
        .allowSimulatedMachines(allowSimulatedMachines)
        .clock(clock)
        .perAddress(perAddress)
        .perKey(perKey)
        .failuresPerAddress(failuresPerAddress)
        .maxBodyBytes(maxBodyBytes)
        .edge(edge)
        .masterKey(masterKey);
  }

  /** Every field has the default of docs/configuration.md until set. */
  public static final class Builder {
    private Path dataDir = Path.of(DEFAULT_DATA);
    private int port = DEFAULT_PORT;
    private String bind = DEFAULT_BIND;
    private Optional<String> jdbcUrl = Optional.empty();
    private Optional<String> catalog = Optional.empty();
    private boolean allowSimulatedMachines;
    private Clock clock = Clock.systemUTC();
    private RateLimit perAddress = DEFAULT_PER_ADDRESS;
    private RateLimit perKey = DEFAULT_PER_KEY;
    private RateLimit failuresPerAddress = DEFAULT_FAILURES_PER_ADDRESS;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private HttpEdge edge = HttpEdge.DEFAULT;
    private Optional<MasterKey> masterKey = Optional.empty();

    private Builder() {}

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder bind(String bind) {
      this.bind = bind;
      return this;
    }

    public Builder jdbcUrl(Optional<String> jdbcUrl) {
      this.jdbcUrl = jdbcUrl;
      return this;
    }

    public Builder jdbcUrl(String jdbcUrl) {
      return jdbcUrl(Optional.of(jdbcUrl));
    }

    public Builder catalog(String catalog) {
      return catalog(Optional.of(catalog));
    }

    public Builder catalog(Optional<String> catalog) {
      this.catalog = catalog;
      return this;
    }

    public Builder allowSimulatedMachines(boolean allow) {
      this.allowSimulatedMachines = allow;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder perAddress(RateLimit limit) {
      this.perAddress = limit;
      return this;
    }

    public Builder perKey(RateLimit limit) {
      this.perKey = limit;
      return this;
    }

    public Builder failuresPerAddress(RateLimit limit) {
      this.failuresPerAddress = limit;
      return this;
    }

    /**
     * Turns every client rate limit off, and the cap on connections per address (lab runs and load
     * tests drive many machines from one address).
     */
    public Builder noRateLimits() {
      edge = edge.withMaxConnectionsPerAddress(0);
      return perAddress(RateLimit.OFF).perKey(RateLimit.OFF).failuresPerAddress(RateLimit.OFF);
    }

    public Builder edge(HttpEdge edge) {
      this.edge = edge;
      return this;
    }

    /** Changes the edge settings, starting from the current ones. */
    public Builder edge(java.util.function.UnaryOperator<HttpEdge> change) {
      this.edge = change.apply(edge);
      return this;
    }

    public HttpEdge edge() {
      return edge;
    }

    public Builder maxBodyBytes(int bytes) {
      this.maxBodyBytes = bytes;
      return this;
    }

    /** Shares the secrets through the database, sealed with this key (docs/scale-out.md). */
    public Builder masterKey(MasterKey key) {
      return masterKey(Optional.of(key));
    }

    public Builder masterKey(Optional<MasterKey> key) {
      this.masterKey = key;
      return this;
    }

    public AuthorityConfig build() {
      return new AuthorityConfig(
          dataDir,
          port,
          bind,
          jdbcUrl,
          catalog,
          allowSimulatedMachines,
          clock,
          perAddress,
          perKey,
          failuresPerAddress,
          maxBodyBytes,
          edge,
          masterKey);
    }
  }
}
