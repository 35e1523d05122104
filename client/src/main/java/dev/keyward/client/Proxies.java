package dev.keyward.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Chooses the proxy for the authority's address, the way command-line tools and the JDK do:
 *
 * <ol>
 *   <li>the Java properties {@code https.proxyHost} / {@code https.proxyPort} (443 by default) for
 *       {@code https} addresses, {@code http.proxyHost} / {@code http.proxyPort} (80) for {@code
 *       http} ones;
 *   <li>else the environment: {@code HTTPS_PROXY} / {@code https_proxy} for https, {@code
 *       HTTP_PROXY} / {@code http_proxy} for http, as {@code [http://]host[:port]} (port 80 by
 *       default, 443 for an {@code https://} proxy URL);
 *   <li>no proxy for hosts in {@code NO_PROXY} / {@code no_proxy} (comma separated names or {@code
 *       .suffix}es, {@code *} for all) or {@code http.nonProxyHosts} ({@code |} separated, {@code
 *       *} wildcards), nor ever for loopback addresses.
 * </ol>
 *
 * Proxy authentication is not supported.
 */
public final class Proxies {
  private Proxies() {}

  /** A selector over this process's environment and system properties. */
  public static ProxySelector fromEnvironment() {
    return selector(System.getenv(), System.getProperties());
  }

  public static ProxySelector selector(Map<String, String> env, Properties props) {
    Map<String, String> environment = Map.copyOf(env);
    Properties properties = new Properties();
    properties.putAll(props);
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return List.of(proxyFor(uri, environment, properties).orElse(Proxy.NO_PROXY));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // the request fails and says so; nothing to remember
      }
    };
  }

  /** The proxy for {@code uri}, or empty to connect directly. */
  public static Optional<Proxy> proxyFor(URI uri, Map<String, String> env, Properties props) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || (!scheme.equals("https") && !scheme.equals("http"))) {
      return Optional.empty();
    }
    if (isLoopback(host) || bypassed(host, env, props)) {
      return Optional.empty();
    }
    String propHost = props.getProperty(scheme + ".proxyHost");
    if (propHost != null && !propHost.isBlank()) {
      int port =
          parsePort(props.getProperty(scheme + ".proxyPort"), scheme.equals("https") ? 443 : 80);
      return Optional.of(proxy(propHost.strip(), port));
    }
    String upper = scheme.toUpperCase(Locale.ROOT) + "_PROXY";
    String value = firstNonBlank(env.get(upper), env.get(upper.toLowerCase(Locale.ROOT)));
    if (value == null) {
      return Optional.empty();
    }
    String spec = value.strip();
    if (!spec.contains("://")) {
      spec = "http://" + spec;
    }
    try {
      URI proxy = URI.create(spec);
      if (proxy.getHost() == null) {
        return Optional.empty();
      }
      int port =
          proxy.getPort() > 0 ? proxy.getPort() : "https".equals(proxy.getScheme()) ? 443 : 80;
      return Optional.of(proxy(proxy.getHost(), port));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Proxy proxy(String host, int port) {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  private static boolean bypassed(String host, Map<String, String> env, Properties props) {
    String h = host.toLowerCase(Locale.ROOT);
    String noProxy = firstNonBlank(env.get("NO_PROXY"), env.get("no_proxy"));
    if (noProxy != null) {
      for (String entry : noProxy.split(",")) {
        String e = entry.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty()) {
          continue;
        }
        if (e.equals("*")) {
          return true;
        }
        String bare = e.startsWith(".") ? e.substring(1) : e.startsWith("*.") ? e.substring(2) : e;
        if (h.equals(bare) || h.endsWith("." + bare)) {
          return true;
        }
      }
    }
    String nonProxy = props.getProperty("http.nonProxyHosts");
    if (nonProxy != null) {
      for (String pattern : nonProxy.split("\\|")) {
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        if (!p.isEmpty() && h.matches(globToRegex(p))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String globToRegex(String glob) {
    List<String> parts = new ArrayList<>();
    for (String part : glob.split("\\*", -1)) {
      parts.add(java.util.regex.Pattern.quote(part));
    }
    return String.join(".*", parts);
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
  }

  private static int parsePort(String text, int fallback) {
    try {
      int port = Integer.parseInt(text == null ? "" : text.strip());
      return port > 0 && port < 65536 ? port : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }
}
