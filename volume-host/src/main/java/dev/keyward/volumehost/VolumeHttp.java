package dev.keyward.volumehost;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import dev.keyward.volumehost.console.SiteConsole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The host's HTTP side, on the JDK's own server ({@code com.sun.net.httpserver}: no dependency for
 * an on-premise service with one endpoint) with a virtual thread per exchange. Routes: {@code POST
 * /v1/volume/activate}, {@code GET /healthz} and the site console under {@code /console} ({@link
 * SiteConsole}); everything else is problem+json (404, 405, 413, 400), never a 5xx for a bad
 * request.
 */
final class VolumeHttp implements AutoCloseable {
  /** The largest request body read: a volume request is a few hundred bytes. */
  static final int MAX_BODY = 16 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final VolumeService service;
  private final HostStats stats;
  private final SiteConsole console;

  VolumeHttp(InetSocketAddress address, VolumeService service, HostStats stats, SiteConsole console)
      throws IOException {
    this.service = service;
    this.stats = stats;
    this.console = console;
    this.server = HttpServer.create(address, 512);
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      String method = ex.getRequestMethod();
      if (SiteConsole.owns(path)) {
        console.handle(ex);
        return;
      }
      switch (path) {
        case "/v1/volume/activate" -> {
          if (!method.equals("POST")) {
            problem(ex, 405, "Method " + safe(method) + " is not allowed here: POST it.");
            return;
          }
          String body = body(ex);
          if (body == null) {
            return;
          }
          String remote = ex.getRemoteAddress().getAddress().getHostAddress();
          VolumeService.Answer a = service.activate(body, remote);
          send(ex, a.status(), a.contentType(), a.body());
        }
        case "/healthz" -> {
          if (!method.equals("GET") && !method.equals("HEAD")) {
            problem(ex, 405, "Method " + safe(method) + " is not allowed here: GET it.");
            return;
          }
          send(ex, 200, "application/json", "{\"status\":\"ok\"}");
        }
        default -> problem(ex, 404, "No such route: " + safe(method) + " " + safe(path));
      }
    } catch (RuntimeException e) {
      // never a stack trace to the client; the request changed nothing it could see
      try {
        problem(ex, 503, ErrorCode.VOLUME_HOST_UNAVAILABLE, "The host failed to answer; retry.");
      } catch (IOException | RuntimeException ignored) {
        // the connection is gone
      }
    }
  }

  /** Reads the body as UTF-8 text, or answers 413 / 400 and returns null. */
  private String body(HttpExchange ex) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try (InputStream in = ex.getRequestBody()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + n > MAX_BODY) {
          stats.failed(ErrorCode.BAD_REQUEST.hex(), 413);
          problem(ex, 413, "The request body is larger than " + MAX_BODY + " bytes.");
          return null;
        }
        out.write(buffer, 0, n);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      stats.failed(ErrorCode.BAD_REQUEST.hex(), 400);
      problem(ex, 400, "The request body is not UTF-8 text.");
      return null;
    }
  }

  private static void problem(HttpExchange ex, int status, String detail) throws IOException {
    problem(ex, status, ErrorCode.BAD_REQUEST, detail);
  }

  private static void problem(HttpExchange ex, int status, ErrorCode code, String detail)
      throws IOException {
    Failure f = Failure.of(code, detail);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "https://keyward.dev/errors/" + code.hex());
    json.put("title", code.symbolicName());
    json.put("status", status);
    json.put("detail", f.message());
    json.put("code", code.hex());
    json.put("name", code.symbolicName());
    json.put("message", f.message());
    json.put("remedy", f.remedy());
    send(ex, status, "application/problem+json", Json.write(json));
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** A method or path as it may be echoed: printable ASCII, at most 100 characters. */
  private static String safe(String text) {
    String cleaned = text.replaceAll("[^\\x21-\\x7e]", "?");
    return cleaned.length() > 100 ? cleaned.substring(0, 100) + "…" : cleaned;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
