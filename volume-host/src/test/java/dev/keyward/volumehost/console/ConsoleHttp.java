package dev.keyward.volumehost.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Plain HTTP to the console (no redirects followed), with or without a session cookie. */
final class ConsoleHttp {
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final URI base;

  ConsoleHttp(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String path, Optional<String> cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
    cookie.ifPresent(c -> b.header("Cookie", SiteConsole.COOKIE + "=" + c));
    return send(b);
  }

  HttpResponse<byte[]> getBytes(String path, String cookie) {
    HttpRequest r =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Cookie", SiteConsole.COOKIE + "=" + cookie)
            .timeout(Duration.ofSeconds(20))
            .build();
    try {
      return HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> post(String path, Optional<String> cookie, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    cookie.ifPresent(c -> b.header("Cookie", SiteConsole.COOKIE + "=" + c));
    return send(b);
  }

  /** Signs in with {@code token}; the session cookie's value. */
  String signIn(String token) {
    HttpResponse<String> r = post("/console/sign-in", Optional.empty(), Map.of("token", token));
    if (r.statusCode() != 303) {
      throw new AssertionError("sign-in answered " + r.statusCode() + ": " + r.body());
    }
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(SiteConsole.COOKIE.length() + 1, setCookie.indexOf(';'));
  }

  /** The CSRF token a page of this session carries in its forms. */
  String csrf(String cookie) {
    Matcher m = CSRF.matcher(get("/console/machines", Optional.of(cookie)).body());
    if (!m.find()) {
      throw new AssertionError("no CSRF token on the machines page");
    }
    return m.group(1);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return HTTP.send(
          b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
