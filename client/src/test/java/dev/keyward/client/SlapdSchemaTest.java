package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.keyward.core.directory.DirectorySchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema LDIF loads into a real slapd, which then refuses wrong attribute types. */
class SlapdSchemaTest {
  @TempDir Path dir;

  @Test
  void theOperatorsGuideShowsTheSchemaAsShipped() throws Exception {
    Path guide = Path.of("..", "docs", "volume-activation.md");
    assertThat(java.nio.file.Files.readString(guide)).contains(Slapd.schemaLdif());
  }

  @Test
  void slapdWithTheSchemaRefusesAnEntryWithAWrongType() throws Exception {
    try (Slapd slapd = Slapd.start(dir)) {
      for (String dn : DirectorySchema.containerDns(Slapd.BASE)) {
        slapd.add(
            dn,
            Map.of(
                "objectClass", List.of("top", DirectorySchema.CONTAINER_CLASS),
                "cn", List.of(dn.substring(3, dn.indexOf(',')))));
      }
      assertThatThrownBy(
              () ->
                  slapd.add(
                      DirectorySchema.objectDn("x", Slapd.BASE),
                      Map.of(
                          "objectClass",
                          List.of("top", DirectorySchema.OBJECT_CLASS),
                          "cn",
                          List.of("x"),
                          DirectorySchema.DISPLAY_NAME,
                          List.of("X"),
                          DirectorySchema.PRODUCT,
                          List.of("winserver"),
                          DirectorySchema.VERSION,
                          List.of("2022"),
                          DirectorySchema.FAMILY,
                          List.of("server"),
                          DirectorySchema.KEY_GROUP,
                          List.of("forty-two"),
                          DirectorySchema.HOST_CERTIFICATE,
                          List.of("{}"),
                          DirectorySchema.PUBLISHED_AT,
                          List.of("20260301100000Z"),
                          DirectorySchema.SIGNATURE,
                          List.of("AAAA"))))
          .isInstanceOfSatisfying(
              LDAPException.class,
              e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_ATTRIBUTE_SYNTAX));
    }
  }
}
