package dev.keyward.authority.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress proxies = ClientAddress.trusting(List.of("10.0.0.0/8", "::1"));

  @Test
  void forwardedHeadersCountOnlyFromATrustedProxy() {
    assertThat(proxies.resolve("203.0.113.9", null, "198.51.100.1")).isEqualTo("203.0.113.9");
    assertThat(proxies.resolve("10.1.2.3", null, "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(proxies.resolve("0:0:0:0:0:0:0:1", null, "198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void theClientIsTheRightMostAddressThatIsNotAProxy() {
    // A client may prepend anything; only what the trusted proxies appended counts.
    assertThat(proxies.resolve("10.0.0.1", null, "1.1.1.1, 198.51.100.1, 10.0.0.7"))
        .isEqualTo("198.51.100.1");
    assertThat(proxies.resolve("10.0.0.1", null, "10.0.0.9, 10.0.0.7")).isEqualTo("10.0.0.9");
    assertThat(proxies.resolve("10.0.0.1", null, "not-an-address")).isEqualTo("10.0.0.1");
    assertThat(proxies.resolve("10.0.0.1", null, "")).isEqualTo("10.0.0.1");
  }

  @Test
  void rfc7239ForwardedIsReadToo() {
    assertThat(
            proxies.resolve(
                "10.0.0.1", "for=192.0.2.60;proto=https, for=\"[2001:db8::17]:4711\"", null))
        .isEqualTo("2001:db8::17");
    assertThat(proxies.resolve("10.0.0.1", "for=192.0.2.43:80", "198.51.100.1"))
        .isEqualTo("192.0.2.43");
  }

  @Test
  void namesAndBadRangesAreRefusedNeverLookedUp() {
    assertThatThrownBy(() -> ClientAddress.trusting(List.of("proxy.example")))
        .hasMessageContaining("proxy.example");
    assertThatThrownBy(() -> ClientAddress.trusting(List.of("10.0.0.0/40")))
        .hasMessageContaining("10.0.0.0/40");
    assertThat(ClientAddress.trusting(List.of("192.168.0.0/16")).trusted("192.168.44.2")).isTrue();
    assertThat(ClientAddress.trusting(List.of("192.168.0.0/16")).trusted("192.169.0.1")).isFalse();
  }
}
