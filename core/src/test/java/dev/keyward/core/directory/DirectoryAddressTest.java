package dev.keyward.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectoryAddressTest {
  private static DirectoryAddress parsed(String text) {
    DirectoryAddress.Parse p = DirectoryAddress.parse(text);
    assertThat(p).as(text).isInstanceOf(DirectoryAddress.Parse.Parsed.class);
    return ((DirectoryAddress.Parse.Parsed) p).value();
  }

  @Test
  void anAddressWithPortAndBase() {
    DirectoryAddress a = parsed("ldap://dc1.contoso.lan:3389/dc=contoso,dc=lan");
    assertThat(a)
        .isEqualTo(new DirectoryAddress("dc1.contoso.lan", 3389, Optional.of("dc=contoso,dc=lan")));
    assertThat(a.server()).isEqualTo("ldap://dc1.contoso.lan:3389");
    assertThat(a.toString()).isEqualTo("ldap://dc1.contoso.lan:3389/dc=contoso,dc=lan");
  }

  @Test
  void defaultsAndEncodings() {
    assertThat(parsed("LDAP://127.0.0.1").port()).isEqualTo(389);
    assertThat(parsed("ldap://127.0.0.1:389/").base()).isEmpty();
    assertThat(parsed("ldap://[::1]:1389/ou=Site%20A,dc=x").base()).contains("ou=Site A,dc=x");
    assertThat(parsed("ldap://[::1]:1389").host()).isEqualTo("::1");
  }

  @Test
  void garbageIsRefusedWithACodeNeverAnException() {
    for (String bad :
        new String[] {
          "",
          "dc1:389",
          "http://dc1/",
          "ldap://",
          "ldap://dc1:0",
          "ldap://dc1:99999",
          "ldap://a b/",
          "ldap://dc1/%zz",
          null
        }) {
      DirectoryAddress.Parse p = DirectoryAddress.parse(bad);
      assertThat(p).as(String.valueOf(bad)).isInstanceOf(DirectoryAddress.Parse.Rejected.class);
      assertThat(((DirectoryAddress.Parse.Rejected) p).failure().error())
          .isEqualTo(ErrorCode.BAD_REQUEST);
    }
  }
}
