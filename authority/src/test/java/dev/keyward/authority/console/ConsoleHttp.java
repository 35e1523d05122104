package dev.keyward.authority.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client of the console that keeps its cookies and follows no redirect. */
public final class ConsoleHttp {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final HttpClient http;
  private final URI base;
  public final Map<String, String> cookies = new LinkedHashMap<>();

  public ConsoleHttp(URI base) {
    this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  /** A client of an authority served over TLS, trusting what {@code tls} trusts. */
  public ConsoleHttp(URI base, javax.net.ssl.SSLContext tls) {
    this(
        base,
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build());
  }

  private ConsoleHttp(URI base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public HttpResponse<String> post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A multipart form with one file field {@code fileField}. */
  HttpResponse<String> upload(
      String path, Map<String, String> form, String fileField, String fileName, String content) {
    String boundary = "----keyward" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/json\r\n\r\n")
        .append(content)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Issues {@code count} Windows Server 2022 Standard keys of a channel through the keys page. */
  public HttpResponse<String> issue(String csrf, String channel, int count, String format) {
    return post("/console/keys", issueForm(csrf, channel, count, format));
  }

  /** Issues {@code count} Windows Server 2022 Standard MAKs with a pool of {@code pool}, as CSV. */
  public HttpResponse<String> issueMak(String csrf, int count, int pool) {
    Map<String, String> form =
        new java.util.LinkedHashMap<>(issueForm(csrf, "VOLUME_MAK", count, "csv"));
    form.put("pool", Integer.toString(pool));
    return post("/console/keys", form);
  }

  private static Map<String, String> issueForm(
      String csrf, String channel, int count, String format) {
    return Map.of(
        "csrf",
        csrf,
        "version",
        "2022",
        "edition",
        "ServerStandard",
        "channel",
        channel,
        "count",
        Integer.toString(count),
        "format",
        format);
  }

  /** The CSV row (key, id, partial key, …) of one MAK issued with a pool of {@code pool}. */
  public String[] issueOneMak(String csrf, int pool) {
    return issueMak(csrf, 1, pool).body().split("\r\n")[1].split(",");
  }

  /**
   * A phone activation on the activation center page for machine number {@code machine} of a
   * Windows Server 2022 key, its installation ID's groups as the form sends them.
   */
  public HttpResponse<String> phone(String csrf, String key, String edition, long machine) {
    String[] groups = ConsoleIids.of(key, "2022", edition, machine).text().split("-");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", csrf);
    for (int g = 1; g <= groups.length; g++) {
      form.put("g" + g, groups[g - 1]);
    }
    form.put("reason", "ticket " + machine);
    return post("/console/activation/phone", form);
  }

  /** Signs in; returns the session's CSRF token (read from the dashboard's sign-out form). */
  public String signIn(String token, String name) {
    String csrf = csrf(get("/console/sign-in").body());
    HttpResponse<String> r =
        post("/console/sign-in", Map.of("csrf", csrf, "token", token, "name", name));
    if (r.statusCode() != 303) {
      throw new AssertionError("sign-in answered " + r.statusCode() + ": " + r.body());
    }
    return csrf(get("/console").body());
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token in the page");
    }
    return m.group(1);
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    if (!cookies.isEmpty()) {
      b.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> r =
          http.send(
              b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      for (String set : r.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        String[] nv = pair.split("=", 2);
        if (nv[1].isEmpty()) {
          cookies.remove(nv[0]);
        } else {
          cookies.put(nv[0], nv[1]);
        }
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
