package dev.keyward.volumehost.console;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer of the console: status, type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static Reply html(int status, String html) {
    return new Reply(
        status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** 303 See Other: after a change, and to the sign-in page. */
  static Reply redirect(String location) {
    return new Reply(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
  }

  /** A file the browser saves under {@code fileName} (a name the console made: no quoting). */
  static Reply download(String type, String fileName, byte[] body) {
    return new Reply(
        200,
        type,
        body,
        Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
  }

  Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, contentType, body, h);
  }
}
