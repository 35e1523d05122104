package dev.keyward.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKeyCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandTextTest {
  private static final String KEY = "DPD8H-RKWXM-8934D-BVDJ6-TKDHF";

  @Test
  void placeholdersBecomeKeysTypedAsAsked() {
    Map<String, String> keys = Map.of("k", KEY);
    assertThat(CommandText.substitute("slmgr /ipk {k}", keys)).isEqualTo("slmgr /ipk " + KEY);
    assertThat(CommandText.substitute("{k:lower}", keys)).isEqualTo(KEY.toLowerCase());
    assertThat(CommandText.substitute("{k:nohyphens}", keys)).isEqualTo(KEY.replace("-", ""));
    assertThat(CommandText.substitute("{k:spaces}", keys)).isEqualTo(KEY.replace("-", " "));
    assertThat(CommandText.substitute("{other} {k", keys)).isEqualTo("{other} {k");
  }

  @Test
  void aTypoMisreadsOneSymbolAsACharacterKeysNeverUse() {
    String typo = CommandText.typo(KEY);
    assertThat(typo).hasSameSizeAs(KEY).isNotEqualTo(KEY);
    int differences = 0;
    for (int i = 0; i < KEY.length(); i++) {
      if (typo.charAt(i) != KEY.charAt(i)) {
        differences++;
        assertThat("BCDFGHJKMPQRTVWXY2346789").doesNotContain(String.valueOf(typo.charAt(i)));
      }
    }
    assertThat(differences).isOne();
    // the codec refuses it and finds the real key
    var decoding = ProductKeyCodec.decode(typo, CatalogLoader.winserver()::knowsGroup);
    assertThat(decoding).isInstanceOf(KeyDecoding.Rejected.class);
    assertThat(((KeyDecoding.Rejected) decoding).failure().message()).contains(KEY);
  }

  @Test
  void wordsHonourQuotesAndDropALeadingKeyward() {
    assertThat(CommandText.words("keyward slmgr  /ipk  'A B'"))
        .containsExactly("slmgr", "/ipk", "A B");
    assertThat(CommandText.words("admin keys block K --reason \"stolen laptop\""))
        .containsExactly("admin", "keys", "block", "K", "--reason", "stolen laptop");
    assertThatThrownBy(() -> CommandText.words("slmgr /ipk 'open"))
        .hasMessageContaining("unclosed quote");
  }

  @ParameterizedTest
  @CsvSource({
    "slmgr /dli, true",
    "slmgr -DLV, true",
    "slmgr /xpr, true",
    "status --verbose, true",
    "dism /online /Get-TargetEditions, true",
    "admin keys show K, true",
    "diagnose, true",
    "diagnose --json, true",
    "slmgr /ato, false",
    "slmgr /rearm, false",
    "restart, false",
    "dism /online /Set-Edition:ServerStandard /ProductKey:K /AcceptEula, false",
    "admin keys block K, false"
  })
  void onlyCommandsThatLookAreRunTwice(String command, boolean readOnly) {
    assertThat(CommandText.readOnly(List.of(command.split(" ")))).isEqualTo(readOnly);
  }
}
