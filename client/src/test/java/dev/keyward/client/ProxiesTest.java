package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProxiesTest {
  private static final URI AUTHORITY = URI.create("https://activation.example.com/v1/activate");

  private static Optional<String> proxy(URI uri, Map<String, String> env, Properties props) {
    return Proxies.proxyFor(uri, env, props)
        .map(Proxy::address)
        .map(a -> (InetSocketAddress) a)
        .map(a -> a.getHostString() + ":" + a.getPort());
  }

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void noSettingMeansDirect() {
    assertThat(proxy(AUTHORITY, Map.of(), props())).isEmpty();
  }

  @Test
  void httpsProxyFromTheEnvironmentInEitherCase() {
    assertThat(proxy(AUTHORITY, Map.of("HTTPS_PROXY", "http://proxy.corp:3128"), props()))
        .contains("proxy.corp:3128");
    assertThat(proxy(AUTHORITY, Map.of("https_proxy", "proxy.corp:8080"), props()))
        .contains("proxy.corp:8080");
    assertThat(proxy(AUTHORITY, Map.of("https_proxy", "http://proxy.corp"), props()))
        .contains("proxy.corp:80");
  }

  @Test
  void javaPropertiesWinOverTheEnvironment() {
    assertThat(
            proxy(
                AUTHORITY,
                Map.of("HTTPS_PROXY", "http://env-proxy:1"),
                props("https.proxyHost", "prop-proxy", "https.proxyPort", "8443")))
        .contains("prop-proxy:8443");
    assertThat(proxy(AUTHORITY, Map.of(), props("https.proxyHost", "prop-proxy")))
        .contains("prop-proxy:443");
  }

  @Test
  void theSchemeChoosesTheSetting() {
    URI http = URI.create("http://activation.example.com/");
    assertThat(proxy(http, Map.of("HTTPS_PROXY", "http://s:1"), props())).isEmpty();
    assertThat(proxy(http, Map.of("HTTP_PROXY", "http://p:2"), props())).contains("p:2");
  }

  @Test
  void noProxyAndNonProxyHostsBypass() {
    Map<String, String> env =
        Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "internal,.example.com");
    assertThat(proxy(AUTHORITY, env, props())).isEmpty();
    assertThat(proxy(URI.create("https://internal/"), env, props())).isEmpty();
    assertThat(proxy(URI.create("https://other.org/"), env, props())).contains("p:1");
    assertThat(
            proxy(
                AUTHORITY,
                Map.of(),
                props("https.proxyHost", "p", "http.nonProxyHosts", "*.example.com|localhost")))
        .isEmpty();
    assertThat(proxy(AUTHORITY, Map.of("HTTPS_PROXY", "p:1", "no_proxy", "*"), props())).isEmpty();
  }

  @Test
  void loopbackIsAlwaysDirect() {
    Map<String, String> env = Map.of("HTTPS_PROXY", "http://p:1", "HTTP_PROXY", "http://p:1");
    assertThat(proxy(URI.create("http://127.0.0.1:8080/"), env, props())).isEmpty();
    assertThat(proxy(URI.create("https://localhost/"), env, props())).isEmpty();
  }

  @Test
  void theSelectorAnswersOneProxy() {
    var selector = Proxies.selector(Map.of("HTTPS_PROXY", "http://p:1"), new Properties());
    assertThat(selector.select(AUTHORITY)).hasSize(1);
    assertThat(selector.select(URI.create("https://localhost/"))).containsExactly(Proxy.NO_PROXY);
  }
}
