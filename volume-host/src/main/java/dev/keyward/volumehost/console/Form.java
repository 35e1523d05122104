package dev.keyward.volumehost.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted form: {@code application/x-www-form-urlencoded} or {@code multipart/form-data} (the
 * uploads). Every field may repeat (checkboxes); files are kept as bytes.
 */
record Form(Map<String, List<String>> fields, Map<String, byte[]> files) {
  static final Form EMPTY = new Form(Map.of(), Map.of());

  Optional<String> first(String name) {
    List<String> values = fields.getOrDefault(name, List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  List<String> all(String name) {
    return fields.getOrDefault(name, List.of());
  }

  Optional<byte[]> file(String name) {
    return Optional.ofNullable(files.get(name)).filter(b -> b.length > 0);
  }

  /** Reads a body by its content type; an unreadable body is an empty form. */
  static Form parse(String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      return boundary(contentType).map(b -> multipart(body, b)).orElse(EMPTY);
    }
    return urlEncoded(new String(body, StandardCharsets.UTF_8));
  }

  static Form urlEncoded(String text) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        // a malformed escape: the field is left out, and the check that needs it says so
      }
    }
    return new Form(fields, Map.of());
  }

  private static Optional<String> boundary(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring("boundary=".length());
        if (b.startsWith("\"") && b.endsWith("\"") && b.length() > 1) {
          b = b.substring(1, b.length() - 1);
        }
        return b.isEmpty() ? Optional.empty() : Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** Splits a multipart body on its boundary (RFC 7578); parts without a name are ignored. */
  private static Form multipart(byte[] body, String boundary) {
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    // the first delimiter has no leading CRLF: pretend it had one
    byte[] data = new byte[body.length + 2];
    data[0] = '\r';
    data[1] = '\n';
    System.arraycopy(body, 0, data, 2, body.length);
    int at = indexOf(data, delimiter, 0);
    while (at >= 0) {
      int start = at + delimiter.length;
      if (start + 2 > data.length || (data[start] == '-' && data[start + 1] == '-')) {
        break;
      }
      int next = indexOf(data, delimiter, start);
      if (next < 0) {
        break;
      }
      part(data, start + 2, next, fields, files);
      at = next;
    }
    return new Form(fields, files);
  }

  private static void part(
      byte[] data, int from, int to, Map<String, List<String>> fields, Map<String, byte[]> files) {
    byte[] blank = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    int headersEnd = indexOf(data, blank, from);
    if (headersEnd < 0 || headersEnd > to) {
      return;
    }
    String headers = new String(data, from, headersEnd - from, StandardCharsets.UTF_8);
    Optional<String> name = parameter(headers, "name");
    if (name.isEmpty()) {
      return;
    }
    int start = headersEnd + blank.length;
    byte[] value = java.util.Arrays.copyOfRange(data, start, to);
    if (parameter(headers, "filename").isPresent()) {
      files.put(name.get(), value);
    } else {
      fields
          .computeIfAbsent(name.get(), k -> new ArrayList<>())
          .add(new String(value, StandardCharsets.UTF_8));
    }
  }

  private static Optional<String> parameter(String headers, String key) {
    String needle = " " + key + "=\"";
    for (String line : headers.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        continue;
      }
      int i = line.indexOf(needle);
      if (i < 0) {
        i = line.indexOf(";" + key + "=\"");
        needle = ";" + key + "=\"";
      }
      if (i >= 0) {
        int start = i + needle.length();
        int end = line.indexOf('"', start);
        return end < 0 ? Optional.empty() : Optional.of(line.substring(start, end));
      }
    }
    return Optional.empty();
  }

  private static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = from; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
