package dev.keyward.volumehost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsigKeyFileTest {
  @Test
  void readsTheFormatTsigKeygenWrites() {
    String text =
        """
        # made by tsig-keygen
        key "keyward-update" {
        \talgorithm hmac-sha256;
        \tsecret "e07VJKfqYovzizq2fltufW3mzbEebqgolaDb1y/DIow=";
        };
        """;
    assertThat(TsigKeyFile.parse(text))
        .contains(
            new TsigKeyFile(
                "keyward-update", "hmac-sha256", "e07VJKfqYovzizq2fltufW3mzbEebqgolaDb1y/DIow="));
    assertThat(TsigKeyFile.parse("key k { algorithm HMAC-SHA512; secret \"AAAA\"; };"))
        .hasValueSatisfying(k -> assertThat(k.algorithm()).isEqualTo("hmac-sha512"));
  }

  @Test
  void somethingElseIsAClearFailure(@TempDir Path dir) throws Exception {
    assertThat(TsigKeyFile.parse("key \"k\" { algorithm hmac-sha256; };")).isEmpty();
    assertThat(TsigKeyFile.parse("secret \"AAAA\";")).isEmpty();
    assertThat(TsigKeyFile.parse("key \"k\" { algorithm hmac-sha256; secret \"not base64!\"; };"))
        .isEmpty();
    Path file = Files.writeString(dir.resolve("bad.key"), "nothing here");
    assertThatThrownBy(() -> TsigKeyFile.read(file))
        .isInstanceOfSatisfying(
            VolumeHostException.class,
            e -> assertThat(e.failure().message()).contains("tsig-keygen"));
    assertThatThrownBy(() -> TsigKeyFile.read(dir.resolve("missing.key")))
        .isInstanceOf(VolumeHostException.class);
  }

  /** Every secret survives, whatever its bytes: base64 may hold "//", which is not a comment. */
  @Property
  void anySecretIsReadBackWhole(@ForAll @Size(32) byte[] key) {
    String secret = Base64.getEncoder().encodeToString(key);
    String text =
        "// tsig-keygen\nkey \"k\" { /* note */ algorithm hmac-sha256; # x\n secret \""
            + secret
            + "\"; };\n";
    assertThat(TsigKeyFile.parse(text))
        .hasValueSatisfying(k -> assertThat(k.secret()).isEqualTo(secret));
  }

  @Test
  void aSecretWithTwoSlashesIsNotCutAsAComment() {
    String secret = "Q5eXkUZaWx//dwrUssIMpkmCnw+QTJNa5rwDMdfNVDs=";
    assertThat(TsigKeyFile.parse("key k { algorithm hmac-sha256; secret \"" + secret + "\"; };"))
        .hasValueSatisfying(k -> assertThat(k.secret()).isEqualTo(secret));
  }
}
