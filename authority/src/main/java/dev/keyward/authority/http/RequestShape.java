package dev.keyward.authority.http;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a request must look like before its body is read: JSON, and a method the route has. */
final class RequestShape {
  private RequestShape() {}

  /**
   * Refuses a body declared as anything but JSON with 415; a missing type is taken as JSON (the
   * body is parsed strictly anyway).
   */
  static void requireJson(Context ctx, long length) {
    boolean hasBody = length > 0 || ctx.header("Transfer-Encoding") != null;
    if (hasBody && !json(ctx.contentType())) {
      throw new ApiException(
          415,
          Failure.of(
              ErrorCode.BAD_REQUEST,
              "The body must be JSON (Content-Type: application/json), not "
                  + clip(ctx.contentType())
                  + "."),
          Map.of(),
          Map.of("Accept", "application/json", "Connection", "close"));
    }
  }

  /** The methods the route table has for {@code path}, for a 405's {@code Allow}. */
  static String allowed(List<Route> routes, String path) {
    return routes.stream()
        .filter(r -> path.matches(r.path().replaceAll("\\{[^/]+}", "[^/]+")))
        .map(r -> r.method().name())
        .distinct()
        .collect(Collectors.joining(", "));
  }

  private static boolean json(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static String clip(String s) {
    String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
  }
}
