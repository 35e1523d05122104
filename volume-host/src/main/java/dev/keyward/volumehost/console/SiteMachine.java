package dev.keyward.volumehost.console;

import dev.keyward.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A machine of the site added from its {@code keyward --json slmgr /dlv} output (MAK, retail, OEM:
 * the machines a volume host never hears from), as the console keeps it.
 *
 * @param name the name the administrator gave it (defaults to the start of its CMID)
 * @param expires when its license or grace ends, when it does
 * @param installationId its installation ID, for proxy activation, when /dlv showed one
 */
record SiteMachine(
    String name,
    String cmid,
    String product,
    String version,
    String edition,
    String channel,
    String licenseStatus,
    Optional<Instant> expires,
    Optional<String> installationId,
    Optional<String> partialProductKey,
    Instant addedAt) {

  Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", name);
    o.put("cmid", cmid);
    o.put("product", product);
    o.put("version", version);
    o.put("edition", edition);
    o.put("channel", channel);
    o.put("licenseStatus", licenseStatus);
    o.put("expires", expires.map(Instant::toString).orElse(null));
    o.put("installationId", installationId.orElse(null));
    o.put("partialProductKey", partialProductKey.orElse(null));
    o.put("addedAt", addedAt.toString());
    return o;
  }

  /** Reads one stored machine; empty when the entry is damaged (it is then left out). */
  static Optional<SiteMachine> fromJson(Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SiteMachine(
              text(m, "name"),
              text(m, "cmid"),
              text(m, "product"),
              text(m, "version"),
              text(m, "edition"),
              text(m, "channel"),
              text(m, "licenseStatus"),
              optional(m, "expires").map(Instant::parse),
              optional(m, "installationId"),
              optional(m, "partialProductKey"),
              Instant.parse(text(m, "addedAt"))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String text(Map<?, ?> m, String field) {
    if (m.get(field) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(field);
  }

  private static Optional<String> optional(Map<?, ?> m, String field) {
    return m.get(field) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  String toJsonText() {
    return Json.write(toJson());
  }
}
