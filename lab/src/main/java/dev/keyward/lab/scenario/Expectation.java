package dev.keyward.lab.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step must show: any field of the command's {@code --json} object ({@code licenseStatus},
 * {@code reason}, {@code expires}…), or {@code error} (the code of the failure), {@code ok} (the
 * command succeeded or not) and {@code output} (a substring of the text the administrator sees).
 * Values are text, numbers, booleans or null, compared as the JSON shows them.
 */
public record Expectation(Map<String, Object> fields) {
  public static final Expectation NONE = new Expectation(Map.of());

  public Expectation {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }
}
