package dev.keyward.lab.run;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.client.AuthorityConnection;
import dev.keyward.client.KeywardException;
import dev.keyward.client.Proxies;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.VolumeClientKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.lab.scenario.KeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The lab's activation authority: a real {@link AuthorityServer} in this process, on a free port of
 * 127.0.0.1, with its data in the lab directory, the lab's clock, no rate limits, and simulated
 * machines allowed. Admin calls go through its HTTP API with the actor {@code lab}.
 */
final class LabAuthority implements AutoCloseable {
  static final String ACTOR = "lab";

  private final AuthorityServer server;
  private final AuthorityConnection connection;

  private LabAuthority(AuthorityServer server) {
    this.server = server;
    this.connection =
        new AuthorityConnection(server.uri(), Proxies.selector(Map.of(), new Properties()));
  }

  static LabAuthority start(Path dataDir, String catalog, Clock clock) {
    return new LabAuthority(
        AuthorityServer.start(
            AuthorityConfig.builder()
                .dataDir(dataDir)
                .port(0)
                .bind("127.0.0.1")
                .jdbcUrl(Optional.empty())
                .catalog(catalog)
                .allowSimulatedMachines(true)
                .noRateLimits()
                .clock(clock)
                .build()));
  }

  URI uri() {
    return server.uri();
  }

  String adminToken() {
    return server.adminToken();
  }

  /** The lab authority's published trust file: the vendor keys its machines trust. */
  Path trustFile() {
    return server.dataDir().resolve("trust.json");
  }

  /** An admin POST as the lab; refusals come back as {@link KeywardException}. */
  Map<String, Object> post(String path, Map<String, ?> body) {
    return connection.send(
        "POST", path, body, Optional.of(server.adminToken()), Map.of("X-Keyward-Actor", ACTOR));
  }

  /**
   * Issues the key a scenario declares; a volume client or host-based VM activation key is the
   * catalog's public one.
   */
  String issue(KeySpec spec, Product product) {
    if (spec.channel().isVolumeClient()) {
      return product
          .publicKey(spec.version(), spec.edition().orElse(""), spec.channel())
          .map(VolumeClientKey::key)
          .orElseThrow(
              () ->
                  KeywardException.of(
                      ErrorCode.BAD_REQUEST,
                      "the catalog has no public "
                          + spec.channel()
                          + " key for "
                          + spec.version()
                          + " "
                          + spec.edition().orElse("(no edition)")));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    spec.product().ifPresent(p -> body.put("product", p));
    body.put("version", spec.version());
    spec.edition().ifPresent(e -> body.put("edition", e));
    body.put("channel", spec.channel().name());
    if (spec.pool().isPresent()) {
      body.put("pool", spec.pool().getAsInt());
    }
    Map<String, Object> answer = post("/v1/admin/keys", body);
    if (answer.get("keys") instanceof List<?> keys
        && !keys.isEmpty()
        && keys.get(0) instanceof Map<?, ?> first
        && first.get("key") instanceof String key) {
      return key;
    }
    throw KeywardException.of(ErrorCode.BAD_REQUEST, "the lab authority issued no key");
  }

  static String keyPath(String key) {
    return URLEncoder.encode(key.strip(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    server.close();
  }
}
