package dev.keyward.lab.run;

import dev.keyward.core.json.Json;
import dev.keyward.lab.scenario.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares what a step expects with what its command did. {@code error} is the catalogue code of
 * the failure, {@code ok} whether the command succeeded, {@code output} a substring of what the
 * administrator saw; every other name is a field of the command's {@code --json} object, with dots
 * for nested fields and list positions ({@code enforcement.shutdownEveryMinutes}, {@code
 * targetEditions.0}). A step that expects neither {@code error} nor {@code ok} expects success.
 */
public final class Checks {
  private Checks() {}

  /** A difference between what was expected and what happened. */
  public record Mismatch(String what, String expected, String actual) {
    @Override
    public String toString() {
      return what + ": expected " + expected + ", actual " + actual;
    }
  }

  /**
   * What a command did.
   *
   * @param exit its exit status
   * @param errorCode the catalogue code of its failure, if it failed with one
   * @param errorMessage the failure's message, or empty
   * @param json its {@code --json} object when it ran with {@code --json} and succeeded, else null
   * @param text what the administrator saw (its text output), or null when it ran only with json
   */
  public record Outcome(
      int exit,
      Optional<String> errorCode,
      String errorMessage,
      Map<String, Object> json,
      String text) {
    boolean ok() {
      return exit == 0;
    }

    String failure() {
      return errorCode.map(c -> "error " + c).orElse("exit status " + exit)
          + (errorMessage.isBlank() ? "" : " (" + oneLine(errorMessage) + ")");
    }
  }

  public static List<Mismatch> check(Expectation expectation, Outcome outcome) {
    Map<String, Object> fields = expectation.fields();
    List<Mismatch> mismatches = new ArrayList<>();
    if (fields.containsKey("error")) {
      String expected = String.valueOf(fields.get("error"));
      if (outcome.ok()) {
        mismatches.add(new Mismatch("error", expected, "none: the command succeeded"));
      } else if (!outcome.errorCode().map(c -> c.equalsIgnoreCase(expected)).orElse(false)) {
        mismatches.add(new Mismatch("error", expected, outcome.failure()));
      }
    }
    if (fields.containsKey("ok")) {
      Object expected = fields.get("ok");
      boolean want = Boolean.TRUE.equals(expected) || "true".equals(expected);
      if (want != outcome.ok()) {
        mismatches.add(
            new Mismatch(
                "ok",
                String.valueOf(want),
                outcome.ok() ? "true: the command succeeded" : "false: " + outcome.failure()));
      }
    }
    if (!fields.containsKey("error") && !fields.containsKey("ok") && !outcome.ok()) {
      mismatches.add(new Mismatch("ok", "true (the command succeeds)", outcome.failure()));
    }
    if (fields.containsKey("output")) {
      String expected = String.valueOf(fields.get("output"));
      String text = outcome.text() == null ? "" : outcome.text();
      if (!text.contains(expected)) {
        mismatches.add(
            new Mismatch(
                "output", "to contain \"" + expected + "\"", "\"" + abbreviate(text) + "\""));
      }
    }
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      String name = e.getKey();
      if (name.equals("error") || name.equals("ok") || name.equals("output")) {
        continue;
      }
      String expected = show(e.getValue());
      if (outcome.json() == null) {
        mismatches.add(
            new Mismatch(
                name,
                expected,
                outcome.ok() ? "no --json answer" : "no answer: " + outcome.failure()));
        continue;
      }
      Optional<Object> actual = field(outcome.json(), name);
      if (actual.isEmpty()) {
        mismatches.add(new Mismatch(name, expected, "no such field in the --json answer"));
      } else if (!same(e.getValue(), actual.get())) {
        mismatches.add(new Mismatch(name, expected, show(actual.get())));
      }
    }
    return mismatches;
  }

  /** The value at a dotted path; present with a null value when the field is null. */
  static Optional<Object> field(Map<String, Object> json, String path) {
    Object at = json;
    for (String part : path.split("\\.")) {
      if (at instanceof Map<?, ?> map) {
        if (!map.containsKey(part)) {
          return Optional.empty();
        }
        at = map.get(part);
      } else if (at instanceof List<?> list && part.matches("\\d+")) {
        int i = Integer.parseInt(part);
        if (i >= list.size()) {
          return Optional.empty();
        }
        at = list.get(i);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(at == null ? NULL : at);
  }

  private static final Object NULL = new Object();

  /** Values compare as the JSON shows them; codes ({@code 0x…}) ignore case. */
  static boolean same(Object expected, Object actual) {
    if (actual == NULL) {
      return expected == null;
    }
    if (expected == null) {
      return false;
    }
    if (expected instanceof Boolean b) {
      return b.equals(actual);
    }
    if (expected instanceof Number n) {
      return actual instanceof Number a
          ? a.longValue() == n.longValue() && a.doubleValue() == n.doubleValue()
          : String.valueOf(n).equals(String.valueOf(actual));
    }
    String text = String.valueOf(expected);
    if (actual instanceof String s) {
      return s.equals(text) || (text.matches("(?i)0x[0-9a-f]{8}") && s.equalsIgnoreCase(text));
    }
    if (actual instanceof Number || actual instanceof Boolean) {
      return String.valueOf(actual).equals(text);
    }
    return Json.write(actual).equals(text);
  }

  static String show(Object value) {
    if (value == NULL || value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return Json.write(value);
    }
    return String.valueOf(value);
  }

  private static String abbreviate(String text) {
    String one = oneLine(text);
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\n\\s*", " / ");
  }
}
