package dev.keyward.volumehost.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The site console (SPEC §15) under {@code /console} of the volume host's own HTTP server: reads
 * the request, checks the session and the CSRF token as the route table asks, and answers with the
 * page. Security headers on every answer: no framing, no external resource (CSP), no caching.
 */
public final class SiteConsole {
  static final String PREFIX = "/console";
  static final String COOKIE = "kw_console";

  /** The largest body read: a /dlv output or a proxy response file of 200 machines. */
  static final int MAX_BODY = 2 * 1024 * 1024;

  private final Sessions sessions;
  private final Pages pages = new Pages();
  private final List<Route> routes;

  public SiteConsole(ConsoleContext context) {
    this.sessions = new Sessions(context.clock(), new SecureRandom());
    this.routes = new ConsoleRoutes(context, sessions, pages).all();
  }

  /** Whether {@code path} belongs to the console. */
  public static boolean owns(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  List<Route> routes() {
    return routes;
  }

  /**
   * Answers one exchange under {@code /console}; never a stack trace, never a 500 for bad input.
   */
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String method = ex.getRequestMethod();
    Optional<Sessions.Session> session = sessions.use(cookie(ex));
    Call bare = new Call(method, path, Form.EMPTY, session);
    Reply reply;
    try {
      reply = answer(ex, bare);
    } catch (IOException | RuntimeException e) {
      reply =
          pages.problem(
              bare,
              503,
              Failure.of(
                  ErrorCode.VOLUME_HOST_UNAVAILABLE,
                  "The console could not answer this page; try again."));
    }
    send(ex, reply);
  }

  private Reply answer(HttpExchange ex, Call bare) throws IOException {
    String head = bare.method().equals("HEAD") ? "GET" : bare.method();
    Optional<Route> route =
        routes.stream()
            .filter(r -> r.path().equals(bare.path()) && r.method().equals(head))
            .findFirst();
    if (route.isEmpty()) {
      boolean known = routes.stream().anyMatch(r -> r.path().equals(bare.path()));
      return pages.problem(
          bare,
          known ? 405 : 404,
          Failure.of(
              ErrorCode.BAD_REQUEST,
              known
                  ? "This console page does not take " + safe(bare.method()) + "."
                  : "There is no console page " + safe(bare.path()) + "."));
    }
    Route r = route.get();
    if (!r.open() && bare.session().isEmpty()) {
      if (!r.isChange()) {
        return Reply.redirect(PREFIX + "/sign-in");
      }
      return pages.problem(
          bare,
          401,
          Failure.of(ErrorCode.CONSOLE_SESSION_REQUIRED, "Sign in again; nothing was changed."));
    }
    Form form = Form.EMPTY;
    if (r.isChange()) {
      Optional<byte[]> body = body(ex);
      if (body.isEmpty()) {
        return pages.problem(
            bare,
            413,
            Failure.of(
                ErrorCode.BAD_REQUEST,
                "The form is larger than " + MAX_BODY / 1024 + " KB; nothing was changed."));
      }
      form = Form.parse(ex.getRequestHeaders().getFirst("Content-Type"), body.get());
      if (!r.open() && !csrfMatches(bare.csrf(), form.first("csrf").orElse(""))) {
        return pages.problem(
            bare,
            403,
            Failure.of(
                ErrorCode.CONSOLE_CSRF_REFUSED,
                "The form did not carry this session's form token; nothing was changed."));
      }
    }
    Reply reply = r.handler().handle(new Call(bare.method(), bare.path(), form, bare.session()));
    return reply.headers().containsKey("Set-Cookie") && ex instanceof HttpsExchange
        ? reply.withHeader("Set-Cookie", reply.headers().get("Set-Cookie") + "; Secure")
        : reply;
  }

  private static boolean csrfMatches(String expected, String given) {
    return !expected.isEmpty()
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String cookie(HttpExchange ex) {
    for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        String p = pair.strip();
        if (p.startsWith(COOKIE + "=")) {
          return p.substring(COOKIE.length() + 1);
        }
      }
    }
    return null;
  }

  private static Optional<byte[]> body(HttpExchange ex) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = ex.getRequestBody()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + n > MAX_BODY) {
          return Optional.empty();
        }
        out.write(buffer, 0, n);
      }
    }
    return Optional.of(out.toByteArray());
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", reply.contentType());
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    reply.headers().forEach(h::set);
    boolean head = ex.getRequestMethod().equals("HEAD");
    boolean empty = head || reply.body().length == 0;
    ex.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
    if (!empty) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  private static String safe(String text) {
    String cleaned = text.replaceAll("[^\\x21-\\x7e]", "?");
    return cleaned.length() > 100 ? cleaned.substring(0, 100) + "…" : cleaned;
  }
}
