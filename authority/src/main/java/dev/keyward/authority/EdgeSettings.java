package dev.keyward.authority;

import dev.keyward.authority.http.ClientAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edge settings of {@code <data>/authority.yaml}: {@code tls}, {@code trustedProxies} and
 * {@code connections} (docs/configuration.md). Every mistake is added to the file's problem list.
 */
final class EdgeSettings {
  private EdgeSettings() {}

  static void apply(
      AuthorityConfig.Builder builder,
      Map<?, ?> map,
      Path file,
      String keystorePassword,
      List<String> problems) {
    tls(builder, map, file, keystorePassword, problems);
    if (map.containsKey("trustedProxies")) {
      List<String> proxies = new ArrayList<>();
      if (map.get("trustedProxies") instanceof List<?> list) {
        for (Object o : list) {
          proxies.add(String.valueOf(o));
        }
        try {
          ClientAddress.trusting(proxies);
          builder.edge(e -> e.withTrustedProxies(proxies));
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage());
        }
      } else {
        problems.add("trustedProxies: expected a list of addresses or CIDR ranges ([10.0.0.5])");
      }
    }
    if (map.containsKey("connections")) {
      if (map.get("connections") instanceof Map<?, ?> c) {
        connections(builder, c, problems);
      } else {
        problems.add(
            "connections: expected {maxPerAddress: N, idleTimeoutSeconds: N,"
                + " minRequestBytesPerSecond: N}");
      }
    }
  }

  private static void connections(
      AuthorityConfig.Builder builder, Map<?, ?> c, List<String> problems) {
    for (Object key : c.keySet()) {
      if (!Set.of("maxPerAddress", "idleTimeoutSeconds", "minRequestBytesPerSecond")
          .contains(String.valueOf(key))) {
        problems.add(
            "connections: unknown setting '"
                + key
                + "' (expected maxPerAddress, idleTimeoutSeconds, minRequestBytesPerSecond)");
      }
    }
    whole(c, "maxPerAddress", 0, 100_000, problems)
        .ifPresent(n -> builder.edge(e -> e.withMaxConnectionsPerAddress(n)));
    whole(c, "idleTimeoutSeconds", 1, 3600, problems)
        .ifPresent(n -> builder.edge(e -> e.withIdleTimeout(Duration.ofSeconds(n))));
    whole(c, "minRequestBytesPerSecond", 0, 10_000_000, problems)
        .ifPresent(n -> builder.edge(e -> e.withMinRequestBytesPerSecond(n)));
  }

  private static void tls(
      AuthorityConfig.Builder builder,
      Map<?, ?> map,
      Path file,
      String keystorePassword,
      List<String> problems) {
    if (!map.containsKey("tls")) {
      return;
    }
    if (!(map.get("tls") instanceof Map<?, ?> t)
        || !Set.of("cert", "key", "keystore")
            .containsAll(t.keySet().stream().map(String::valueOf).toList())) {
      problems.add("tls: expected {cert: FILE, key: FILE} or {keystore: FILE}");
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    try {
      TlsSources.of(
              text(t, "cert", dir),
              text(t, "key", dir),
              text(t, "keystore", dir),
              keystorePassword,
              "tls")
          .ifPresent(tls -> builder.edge(e -> e.withTls(tls)));
    } catch (ConfigSources.UsageException e) {
      problems.add(e.getMessage());
    }
  }

  /** A file named in authority.yaml, relative to the data directory. */
  private static Optional<String> text(Map<?, ?> t, String name, Path dir) {
    Object v = t.get(name);
    if (v == null) {
      return Optional.empty();
    }
    return Optional.of(dir.resolve(String.valueOf(v)).toString());
  }

  private static Optional<Integer> whole(
      Map<?, ?> map, String name, int min, int max, List<String> problems) {
    if (!map.containsKey(name)) {
      return Optional.empty();
    }
    if (map.get(name) instanceof Integer i && i >= min && i <= max) {
      return Optional.of(i);
    }
    problems.add("connections." + name + ": expected a whole number " + min + ".." + max);
    return Optional.empty();
  }
}
