package dev.keyward.authority.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's own stylesheet and script, served by the authority (no CDN: the console works on an
 * isolated network). Only the files named here are served.
 */
final class ConsoleAssets {
  private static final Map<String, String> TYPES =
      Map.of(
          "console.css", "text/css; charset=utf-8",
          "iid.js", "text/javascript; charset=utf-8");
  private static final Map<String, byte[]> CONTENT = load();

  private ConsoleAssets() {}

  private static Map<String, byte[]> load() {
    Map<String, byte[]> content = new java.util.HashMap<>();
    for (String name : TYPES.keySet()) {
      try (InputStream in = ConsoleAssets.class.getResourceAsStream("static/" + name)) {
        if (in == null) {
          throw new IllegalStateException(name + " is missing from the build");
        }
        content.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(content);
  }

  static void serve(Context ctx) {
    String name = ctx.pathParam("name");
    byte[] body = CONTENT.get(name);
    ConsoleView.headers(ctx);
    if (body == null) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("No such console asset.");
      return;
    }
    ctx.header("Cache-Control", "private, max-age=300");
    ctx.status(200).contentType(TYPES.get(name)).result(body);
  }
}
