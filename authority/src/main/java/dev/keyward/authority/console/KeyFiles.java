package dev.keyward.authority.console;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Issued keys as files to download, and a key record as the key page shows it. */
public final class KeyFiles {
  private KeyFiles() {}

  /** A key record of docs/api.md, typed for the template. */
  public record KeyView(
      String id,
      String partialKey,
      String product,
      String version,
      String edition,
      String channel,
      boolean blocked,
      int poolSize,
      int poolUsed,
      int extensionTotal,
      int activeActivations,
      String createdAt,
      Map<?, ?> downgradeOf,
      List<?> downgrades) {
    public boolean mak() {
      return channel.equals("VOLUME_MAK");
    }

    /** The pool's use in percent, for the pool bar. */
    public int poolPercent() {
      return poolSize <= 0 ? 0 : (int) Math.min(100, Math.round(poolUsed * 100.0 / poolSize));
    }
  }

  static KeyView view(Map<String, Object> m) {
    return new KeyView(
        text(m, "id"),
        text(m, "partialKey"),
        text(m, "product"),
        text(m, "version"),
        text(m, "edition"),
        text(m, "channel"),
        Boolean.TRUE.equals(m.get("blocked")),
        number(m, "poolSize"),
        number(m, "poolUsed"),
        number(m, "extensionTotal"),
        number(m, "activeActivations"),
        text(m, "createdAt"),
        m.get("downgradeOf") instanceof Map<?, ?> of ? of : null,
        m.get("downgrades") instanceof List<?> l ? l : List.of());
  }

  public static String text(Map<?, ?> m, String field) {
    return Objects.toString(m.get(field), "");
  }

  private static int number(Map<String, Object> m, String field) {
    return m.get(field) instanceof Number n ? n.intValue() : 0;
  }

  /** {@code key,id,partialKey,product,version,edition,channel,poolSize}, one line per key. */
  static String csv(List<Map<String, Object>> keys) {
    StringBuilder out =
        new StringBuilder("key,id,partialKey,product,version,edition,channel,poolSize\r\n");
    for (Map<String, Object> k : keys) {
      out.append(
              String.join(
                  ",",
                  List.of(
                      text(k, "key"),
                      text(k, "id"),
                      text(k, "partialKey"),
                      text(k, "product"),
                      text(k, "version"),
                      text(k, "edition"),
                      text(k, "channel"),
                      text(k, "poolSize"))))
          .append("\r\n");
    }
    return out.toString();
  }

  /** One key a line, as {@code keyward admin keys issue} prints them. */
  static String text(List<Map<String, Object>> keys) {
    StringBuilder out = new StringBuilder();
    keys.forEach(k -> out.append(text(k, "key")).append('\n'));
    return out.toString();
  }
}
