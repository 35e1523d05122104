package dev.keyward.authority.console;

import dev.keyward.core.json.Json;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** An audit entry's detail (a JSON object) as the console shows it. */
public final class AuditDetail {
  private AuditDetail() {}

  /** The reason recorded with a support action, or empty. */
  public static String reason(String detail) {
    return Json.readObject(detail).map(m -> Objects.toString(m.get("reason"), "")).orElse("");
  }

  /** The other fields, {@code name: value} separated by semicolons. */
  public static String rest(String detail) {
    return Json.readObject(detail)
        .map(
            m ->
                m.entrySet().stream()
                    .filter(e -> !e.getKey().equals("reason"))
                    .map(e -> e.getKey() + ": " + value(e.getValue()))
                    .collect(Collectors.joining("; ")))
        .orElse(detail);
  }

  private static String value(Object v) {
    return v instanceof Map<?, ?> || v instanceof java.util.List<?>
        ? Json.write(v)
        : String.valueOf(v);
  }
}
