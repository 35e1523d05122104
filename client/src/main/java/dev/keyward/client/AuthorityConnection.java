package dev.keyward.client;

import dev.keyward.core.error.ErrorCatalogue;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * JSON over HTTP to an activation authority (docs/api.md) with the JDK's {@link HttpClient}. Every
 * failure comes back as a {@link KeywardException} carrying the catalogue entry: the authority's
 * problem+json code when it answered, 0x80072EFD when it could not be reached.
 */
public final class AuthorityConnection {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http;
  private final ConnectionOptions options;

  public AuthorityConnection(URI base, ProxySelector proxies) {
    this(base, proxies, ConnectionOptions.DEFAULT);
  }

  /** With a timeout, the CAs to trust for HTTPS and a progress line for slow answers. */
  public AuthorityConnection(URI base, ProxySelector proxies, ConnectionOptions options) {
    this.base = normalise(base);
    this.options = Objects.requireNonNull(options, "options");
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(
                options.timeout().compareTo(CONNECT_TIMEOUT) < 0
                    ? options.timeout()
                    : CONNECT_TIMEOUT)
            .proxy(Objects.requireNonNull(proxies, "proxies"))
            .followRedirects(HttpClient.Redirect.NEVER);
    options.tls().ifPresent(b::sslContext);
    this.http = b.build();
  }

  private static URI normalise(URI base) {
    Objects.requireNonNull(base, "base");
    String s = base.toString();
    if (base.getScheme() == null
        || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
        || base.getHost() == null) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "'" + s + "' is not an authority address (write http://HOST:PORT or https://HOST).");
    }
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  public URI base() {
    return base;
  }

  /** GET {@code path}; the answer's JSON object. */
  public Map<String, Object> get(String path, Optional<String> token) {
    return send("GET", path, null, token, Map.of());
  }

  /** POST a JSON body to {@code path}; the answer's JSON object. */
  public Map<String, Object> post(String path, Map<String, ?> body, Optional<String> token) {
    return send("POST", path, body, token, Map.of());
  }

  public Map<String, Object> send(
      String method,
      String path,
      Map<String, ?> body,
      Optional<String> token,
      Map<String, String> headers) {
    URI uri = URI.create(base + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(options.timeout()).header("Accept", "application/json");
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(
          method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = exchange(request.build());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable("no connection to " + base + " (" + describe(e) + ")", e);
    } catch (HttpTimeoutException e) {
      throw unreachable(
          base
              + " did not answer within "
              + options.timeout().toSeconds()
              + " seconds (--timeout SECONDS or KEYWARD_TIMEOUT waits longer)",
          e);
    } catch (SSLException e) {
      throw untrusted(e);
    } catch (IOException e) {
      throw unreachable("the connection to " + base + " failed (" + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("interrupted while waiting for " + base, e);
    }
    return answer(response);
  }

  /** Sends, telling {@code progress} once when the answer takes longer than it should. */
  private HttpResponse<String> exchange(HttpRequest request)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<String>> pending =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      try {
        return pending.get(options.progressAfter().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException slow) {
        options
            .progress()
            .accept(
                "Waiting for the activation authority at "
                    + base
                    + " (gives up after "
                    + options.timeout().toSeconds()
                    + " seconds; --timeout SECONDS changes it)...");
        return pending.get();
      }
    } catch (ExecutionException e) {
      // The HTTP client's own failure, as send() would have thrown it.
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? "network error" : cause.getMessage(), cause);
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    }
  }

  private KeywardException untrusted(SSLException e) {
    String why = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    boolean handshake = e instanceof SSLHandshakeException;
    if (handshake && (why.contains("subject alternative") || why.contains("no name matching"))) {
      return new KeywardException(
          Failure.of(
              ErrorCode.AUTHORITY_UNREACHABLE,
              "The TLS certificate of "
                  + base
                  + " is for another name; use the host name the certificate names in"
                  + " --authority."),
          e);
    }
    boolean certificate = handshake && (why.contains("cert") || why.contains("pkix"));
    return new KeywardException(
        Failure.of(
            ErrorCode.AUTHORITY_UNREACHABLE,
            certificate
                ? "The authority at "
                    + base
                    + " presented a TLS certificate this machine does not trust. If the authority"
                    + " uses a private CA, give that CA's certificate with --ca-file FILE (or"
                    + " KEYWARD_CA_FILE); never turn verification off."
                : "The TLS connection to "
                    + base
                    + " failed ("
                    + describe(e)
                    + "). Check that the address is https:// for an authority serving TLS and"
                    + " http:// for one serving plain HTTP."),
        e);
  }

  private Map<String, Object> answer(HttpResponse<String> response) {
    int status = response.statusCode();
    Optional<Map<String, Object>> json = Json.readObject(response.body());
    if (status >= 200 && status < 300) {
      return json.orElseThrow(
          () ->
              KeywardException.of(
                  ErrorCode.BAD_REQUEST,
                  "The authority at " + base + " answered HTTP " + status + " without JSON."));
    }
    Map<String, Object> problem = json.orElse(Map.of());
    Optional<ErrorCode> code =
        problem.get("code") instanceof String c ? ErrorCatalogue.lookup(c) : Optional.empty();
    String message =
        problem.get("message") instanceof String m
            ? m
            : problem.get("detail") instanceof String d ? d : "";
    if (problem.get("suggestions") instanceof List<?> suggestions
        && !suggestions.isEmpty()
        && !message.contains(String.valueOf(suggestions.get(0)))) {
      message +=
          " Did you mean: "
              + String.join(", ", suggestions.stream().map(String::valueOf).toList())
              + "?";
    }
    if (status == 429) {
      // the authority's message already says when; say it only when it does not
      String retry =
          response
              .headers()
              .firstValue("Retry-After")
              .map(
                  s ->
                      s.strip().equals("1")
                          ? "Retry in 1 second."
                          : "Retry in " + s.strip() + " seconds.")
              .orElse("Retry in a while.");
      return fail(
          Failure.of(
              ErrorCode.RATE_LIMITED, message.isBlank() ? "Too many requests. " + retry : message));
    }
    if (code.isPresent()) {
      return fail(Failure.of(code.get(), message));
    }
    if (status == 401 || status == 403) {
      return fail(Failure.of(ErrorCode.UNAUTHORIZED, message));
    }
    return fail(
        Failure.of(
            status >= 500 ? ErrorCode.AUTHORITY_UNREACHABLE : ErrorCode.BAD_REQUEST,
            "The authority at "
                + base
                + " answered HTTP "
                + status
                + (message.isBlank() ? "." : ": " + message)));
  }

  private static Map<String, Object> fail(Failure failure) {
    throw new KeywardException(failure);
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    if (m != null && !m.isBlank()) {
      return m;
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "connection timed out";
    }
    return "network error";
  }

  private static KeywardException unreachable(String detail, Exception cause) {
    return new KeywardException(
        Failure.of(
            ErrorCode.AUTHORITY_UNREACHABLE,
            "The activation authority cannot be reached: "
                + detail
                + ". Is it running? Give its address with --authority URL or KEYWARD_AUTHORITY."),
        cause);
  }
}
