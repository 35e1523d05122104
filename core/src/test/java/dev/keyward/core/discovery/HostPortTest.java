package dev.keyward.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostPortTest {
  private static HostPort parsed(String typed) {
    return ((HostPort.Parse.Parsed) HostPort.parse(typed, HostPort.VOLUME_PORT)).value();
  }

  @Test
  void aNameAloneTakesTheDefaultPort() {
    assertThat(parsed("KMS1.contoso.lan")).isEqualTo(new HostPort("kms1.contoso.lan", 1688));
    assertThat(parsed("kms1.contoso.lan.:1700")).isEqualTo(new HostPort("kms1.contoso.lan", 1700));
    assertThat(parsed("127.0.0.1:5353").toString()).isEqualTo("127.0.0.1:5353");
    assertThat(parsed("[::1]:1689")).isEqualTo(new HostPort("::1", 1689));
    assertThat(parsed("[::1]").toString()).isEqualTo("[::1]:1688");
  }

  @Test
  void badInputIsRefusedWithTheCodeAndAnExample() {
    for (String bad : new String[] {"", "kms1:0", "kms1:70000", "kms1:x", "::1", "a b", "[::1"}) {
      assertThat(HostPort.parse(bad, 1688)).as(bad).isInstanceOf(HostPort.Parse.Rejected.class);
    }
    HostPort.Parse.Rejected r = (HostPort.Parse.Rejected) HostPort.parse("kms1:0", 1688);
    assertThat(r.failure().message()).contains("1 to 65535");
  }

  @Test
  void domains() {
    assertThat(HostPort.isDomain("contoso.lan")).isTrue();
    assertThat(HostPort.isDomain("contoso.lan:53")).isFalse();
    assertThat(HostPort.isDomain("")).isFalse();
  }
}
