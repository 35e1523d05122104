package dev.keyward.core.phone;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A proxy activation request file (SPEC §10): the installation IDs of machines that cannot reach
 * the authority, collected on each machine ({@code keyward proxy export -o FILE} appends to it),
 * carried to the authority, answered there ({@code keyward admin proxy answer}). JSON:
 *
 * <pre>{@code
 * {"format": "keyward-proxy-request/1",
 *  "entries": [{"label": "srv-01", "product": "winserver", "iid": "0486290-…",
 *               "oemMarker": null, "simulated": false}]}
 * }</pre>
 *
 * <p>Nothing in it is secret beyond what an installation ID shows (SPEC §10,
 * docs/phone-activation.md §5); nothing needs to be signed: the authority decides on the
 * installation IDs alone, and each answer is bound to its installation ID.
 *
 * @param entries one per machine, in the order they were exported
 */
public record ProxyRequest(List<Entry> entries) {
  public static final String FORMAT = "keyward-proxy-request/1";

  /** Entries a file may hold: what one authority request may carry. */
  public static final int MAX_ENTRIES = 200;

  public ProxyRequest {
    entries = List.copyOf(entries);
  }

  /**
   * One machine.
   *
   * @param label the machine's name for people (host name, or what the operator chose)
   * @param product the product id installed
   * @param iid the installation ID as shown ({@link InstallationId#text()})
   * @param oemMarker the machine's OEM marker, if its firmware has one (OEM keys need it)
   * @param simulated whether it is a lab machine
   */
  public record Entry(
      String label, String product, String iid, Optional<String> oemMarker, boolean simulated) {
    public Entry {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(iid, "iid");
      Objects.requireNonNull(oemMarker, "oemMarker");
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("label", label);
      json.put("product", product);
      json.put("iid", iid);
      json.put("oemMarker", oemMarker.orElse(null));
      json.put("simulated", simulated);
      return json;
    }
  }

  public static ProxyRequest empty() {
    return new ProxyRequest(List.of());
  }

  /** What adding {@code entry} did. */
  public enum Change {
    /** A new machine. */
    ADDED,
    /** The same installation ID was already there: nothing changed. */
    UNCHANGED,
    /** The machine (same label and product) was there with another installation ID. */
    REPLACED
  }

  /** This request with {@code entry}: appended, or replacing the entry of the same machine. */
  public ProxyRequest with(Entry entry) {
    List<Entry> next = new ArrayList<>();
    boolean placed = false;
    for (Entry e : entries) {
      if (!placed && sameMachine(e, entry)) {
        next.add(entry);
        placed = true;
      } else {
        next.add(e);
      }
    }
    if (!placed) {
      next.add(entry);
    }
    return new ProxyRequest(next);
  }

  /** What {@link #with} does with {@code entry}. */
  public Change changeFor(Entry entry) {
    for (Entry e : entries) {
      if (sameIid(e.iid(), entry.iid()) && e.product().equals(entry.product())) {
        return Change.UNCHANGED;
      }
      if (sameMachine(e, entry)) {
        return Change.REPLACED;
      }
    }
    return Change.ADDED;
  }

  private static boolean sameMachine(Entry a, Entry b) {
    return (sameIid(a.iid(), b.iid()) || a.label().equals(b.label()))
        && a.product().equals(b.product());
  }

  static boolean sameIid(String a, String b) {
    return digits(a).equals(digits(b));
  }

  private static String digits(String text) {
    return text.replaceAll("[^0-9]", "");
  }

  /** The file's text: canonical JSON and a newline. */
  public String write() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("entries", entries.stream().map(Entry::toJson).toList());
    return Json.write(json) + "\n";
  }

  /** Reads a request file; every entry must be complete, or the file is not used. */
  public static ProxyFileReading<ProxyRequest> read(String text) {
    Optional<Map<String, Object>> json = Json.readObject(text);
    if (json.isEmpty()) {
      return invalid("it is not a JSON object");
    }
    return read(json.get());
  }

  /** Reads a request file already read as JSON (the body of {@code POST /v1/admin/proxy}). */
  public static ProxyFileReading<ProxyRequest> read(Map<?, ?> json) {
    if (!FORMAT.equals(json.get("format"))) {
      return invalid(
          "its \"format\" is "
              + describe(json.get("format"))
              + ", not \""
              + FORMAT
              + "\" (a response file, or another program's file?)");
    }
    if (!(json.get("entries") instanceof List<?> list)) {
      return invalid("it has no \"entries\" list");
    }
    if (list.size() > MAX_ENTRIES) {
      return invalid(
          "it has " + list.size() + " entries; split it into files of at most " + MAX_ENTRIES);
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "entry " + (i + 1);
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        return invalid(where + " is not an object");
      }
      Optional<String> label = text(m, "label");
      Optional<String> product = text(m, "product");
      Optional<String> iid = text(m, "iid");
      if (label.isEmpty() || product.isEmpty() || iid.isEmpty()) {
        return invalid(where + " needs \"label\", \"product\" and \"iid\" as text");
      }
      Object marker = m.get("oemMarker");
      if (marker != null && !(marker instanceof String)) {
        return invalid(where + ": \"oemMarker\" must be text or null");
      }
      Object simulated = m.get("simulated");
      if (simulated != null && !(simulated instanceof Boolean)) {
        return invalid(where + ": \"simulated\" must be true or false");
      }
      entries.add(
          new Entry(
              label.get(),
              product.get(),
              iid.get(),
              Optional.ofNullable((String) marker),
              Boolean.TRUE.equals(simulated)));
    }
    return new ProxyFileReading.Read<>(new ProxyRequest(entries));
  }

  static Optional<String> text(Map<?, ?> m, String field) {
    return m.get(field) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  static String describe(Object value) {
    return value == null ? "missing" : "\"" + value + "\"";
  }

  private static <T> ProxyFileReading<T> invalid(String detail) {
    return new ProxyFileReading.Invalid<>(
        Failure.of(
            ErrorCode.INPUT_FILE_INVALID,
            "This is not a proxy activation request file: "
                + detail
                + ". Write one with keyward proxy export -o FILE on each machine."));
  }
}
