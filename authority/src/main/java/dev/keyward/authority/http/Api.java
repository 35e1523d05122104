package dev.keyward.authority.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keyward.authority.store.DatabaseOutage;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a route table into Javalin: admin token check, client rate limit by address, body size
 * limits, problem+json for every error (including unknown routes and Javalin's own), request
 * metrics by route template. Nothing here logs a path with a key in it or a body.
 */
public final class Api {
  private static final Logger LOG = LoggerFactory.getLogger(Api.class);
  private static final String PROBLEM_WRITTEN = "keyward.problem";

  private static final String CLIENT = "keyward.client";

  private final List<Route> routes;
  private final Throttle throttle;
  private final ClientAddress clientAddress;
  private final AdminTokens adminTokens;
  private BiConsumer<Integer, ErrorCode> problems = (status, code) -> {};
  private final int maxBodyBytes;
  private final int maxCatalogBytes;
  private final MeterRegistry registry;
  private final Map<String, Counter> requestCounters = new ConcurrentHashMap<>();

  public Api(
      List<Route> routes,
      Throttle throttle,
      ClientAddress clientAddress,
      List<String> adminTokenHashes,
      int maxBodyBytes,
      int maxCatalogBytes,
      MeterRegistry registry) {
    this.routes = List.copyOf(routes);
    this.throttle = throttle;
    this.clientAddress = clientAddress;
    this.adminTokens = new AdminTokens(adminTokenHashes);
    this.maxBodyBytes = maxBodyBytes;
    this.maxCatalogBytes = maxCatalogBytes;
    this.registry = registry;
  }

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates the (not yet started) server.
   *
   * @param edge adds the listening connector (TLS, timeouts, connection caps)
   */
  public Javalin create(String bind, int port, Consumer<io.javalin.config.JavalinConfig> edge) {
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.jetty.threadPool = RequestThreads.create();
              config.http.maxRequestSize = Math.max(maxBodyBytes, maxCatalogBytes);
              config.http.prefer405over404 = true;
              config.jetty.defaultHost = bind;
              config.jetty.defaultPort = port;
              config.requestLogger.http(this::record);
              config.jetty.modifyServer(
                  server -> server.setErrorHandler(new ProblemErrorHandler()));
              edge.accept(config);
            });
    app.before(this::identifyClient);
    for (Route route : routes) {
      app.addHttpHandler(
          route.method(),
          route.path(),
          ctx -> {
            admit(route, ctx);
            route.handler().handle(ctx);
          });
    }
    app.exception(ApiException.class, (e, ctx) -> problem(ctx, e));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          int status = e.getStatus() >= 500 ? 400 : e.getStatus();
          problem(ctx, new ApiException(status, Failure.of(ErrorCode.BAD_REQUEST, e.getMessage())));
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          java.util.Optional<Failure> outage = DatabaseOutage.of(e);
          if (outage.isPresent()) {
            LOG.warn("database away on {} {}: {}", ctx.method(), ctx.path(), e.toString());
            problem(
                ctx,
                new ApiException(
                    503,
                    outage.get(),
                    Map.of(),
                    Map.of("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))));
            return;
          }
          LOG.error("unexpected error on {}", ctx.method(), e);
          problem(
              ctx,
              new ApiException(
                  500,
                  Failure.of(
                      ErrorCode.BAD_REQUEST,
                      "The authority failed to process the request; it was not applied.")));
        });
    app.error(
        404, ctx -> unmatched(ctx, 404, "No such route: " + ctx.method() + " " + safePath(ctx)));
    app.error(
        405,
        ctx -> {
          String allow = RequestShape.allowed(routes, ctx.path());
          if (!allow.isEmpty()) {
            ctx.header("Allow", allow);
          }
          unmatched(
              ctx,
              405,
              "Method "
                  + ctx.method()
                  + " is not allowed here"
                  + (allow.isEmpty() ? "." : "; use " + allow + "."));
        });
    return app;
  }

  private static String safePath(Context ctx) {
    String path = ctx.path();
    // A mistyped admin path may hold a key: show only its shape.
    String clipped = path.length() > 80 ? path.substring(0, 80) + "…" : path;
    return clipped.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private void unmatched(Context ctx, int status, String detail) {
    if (ctx.attribute(PROBLEM_WRITTEN) != null) {
      return;
    }
    problem(ctx, new ApiException(status, Failure.of(ErrorCode.BAD_REQUEST, detail)));
  }

  /** The client's address: the peer, or what a trusted proxy says it forwarded for. */
  public static String clientAddress(Context ctx) {
    Object known = ctx.attribute(CLIENT);
    return known instanceof String s ? s : ctx.ip();
  }

  /**
   * Marks a request as answered in full (a console page with a 404 status): the unmatched-route
   * problem is not written over it.
   */
  public static void answered(Context ctx) {
    ctx.attribute(PROBLEM_WRITTEN, true);
  }

  /**
   * Tells {@code listener} the status and code of every error answered (the console's dashboard
   * counts them by day).
   */
  public void onProblem(BiConsumer<Integer, ErrorCode> listener) {
    this.problems = listener;
  }

  /** Runs before every request: who the client is (the peer, or whom a trusted proxy names). */
  private void identifyClient(Context ctx) {
    ctx.attribute(
        CLIENT,
        clientAddress.resolve(ctx.ip(), ctx.header("Forwarded"), ctx.header("X-Forwarded-For")));
  }

  /**
   * The route's own policies, before its handler: the admin token, the address's bucket, the body's
   * size and type. They are properties of the route in the table, never of a path's spelling.
   */
  private void admit(Route route, Context ctx) {
    if (route.admin()) {
      requireAdmin(ctx);
    }
    if (route.limit() == Route.Limit.PER_ADDRESS) {
      throttle.request(clientAddress(ctx));
    }
    long length = ctx.contentLength();
    int max = route.payload() == Route.Payload.CATALOG ? maxCatalogBytes : maxBodyBytes;
    if (length > max) {
      throw RequestBody.tooLarge(max);
    }
    if (route.payload() == Route.Payload.JSON) {
      RequestShape.requireJson(ctx, length);
    }
  }

  /**
   * The body, read while counting: refused with 413 at the first byte past the route's limit, with
   * or without a Content-Length; broken framing is a 400.
   */
  public byte[] body(Context ctx, int max) {
    return RequestBody.read(ctx, max);
  }

  public byte[] body(Context ctx) {
    return body(ctx, maxBodyBytes);
  }

  public byte[] catalogBody(Context ctx) {
    return body(ctx, maxCatalogBytes);
  }

  /** Throws 429 with Retry-After when a bucket says wait. */
  public static void limit(OptionalLong wait) {
    if (wait.isPresent()) {
      throw new ApiException(
          429,
          Failure.of(
              ErrorCode.RATE_LIMITED,
              "Too many requests; retry in "
                  + wait.getAsLong()
                  + (wait.getAsLong() == 1 ? " second." : " seconds.")),
          Map.of(),
          Map.of("Retry-After", Long.toString(wait.getAsLong())));
    }
  }

  private void requireAdmin(Context ctx) {
    String header = ctx.header("Authorization");
    boolean ok =
        header != null
            && header.regionMatches(true, 0, "Bearer ", 0, 7)
            && adminTokens.matches(header.substring(7));
    if (!ok) {
      throw new ApiException(
          401,
          Failure.of(
              ErrorCode.UNAUTHORIZED,
              header == null
                  ? "This admin endpoint needs Authorization: Bearer <token>."
                  : "The admin token is not valid for this authority."),
          Map.of(),
          Map.of("WWW-Authenticate", "Bearer"));
    }
  }

  /** Who did an admin action: the X-Keyward-Actor header, or "admin". */
  public static String actor(Context ctx) {
    String named = ctx.header("X-Keyward-Actor");
    if (named == null) {
      return "admin";
    }
    String clean = named.strip().replaceAll("[^\\x20-\\x7e]", "");
    if (clean.isEmpty()) {
      return "admin";
    }
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }

  public static void json(Context ctx, int status, Object value) {
    try {
      send(ctx, status, "application/json", Body.MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JSON answer already written as text. */
  public static void json(Context ctx, int status, String text) {
    send(ctx, status, "application/json", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes an answer's bytes straight to the response (Jetty buffers them until the handler ends):
   * Javalin's {@code result} would wrap them in a stream and copy that through a new 8 KiB buffer,
   * the largest allocation of an activation.
   */
  private static void send(Context ctx, int status, String contentType, byte[] body) {
    ctx.status(status).contentType(contentType);
    ctx.res().setContentLength(body.length);
    try {
      ctx.res().getOutputStream().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("the client went away while its answer was written", e);
    }
  }

  private void problem(Context ctx, ApiException e) {
    ctx.attribute(PROBLEM_WRITTEN, true);
    try {
      problems.accept(e.status(), e.failure().error());
    } catch (RuntimeException x) {
      LOG.warn("the error counter failed", x);
    }
    e.headers().forEach(ctx::header);
    try {
      ctx.status(e.status())
          .contentType("application/problem+json")
          .result(Body.MAPPER.writeValueAsString(e.problem()));
    } catch (JsonProcessingException x) {
      ctx.status(500).result("");
    }
  }

  private void record(Context ctx, Float ms) {
    String route;
    try {
      route = ctx.endpointHandlerPath();
    } catch (RuntimeException e) {
      route = ""; // refused before a route matched (admin token, rate limit, size)
    }
    if (route == null || route.isEmpty() || route.equals("*")) {
      route = "unmatched";
    }
    String method = ctx.method().name();
    String finalRoute = route;
    int status = ctx.statusCode();
    // Registered once per method, route template and status (a bounded set), not per request.
    requestCounters
        .computeIfAbsent(
            method + " " + route + " " + status,
            k ->
                Counter.builder("keyward.http.requests")
                    .description("HTTP requests by route template and status")
                    .tag("method", method)
                    .tag("route", finalRoute)
                    .tag("status", Integer.toString(status))
                    .register(registry))
        .increment();
  }
}
