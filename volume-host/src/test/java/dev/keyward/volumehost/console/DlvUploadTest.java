package dev.keyward.volumehost.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a machine's {@code --json slmgr /dlv} output: every bad input named, with its code. */
class DlvUploadTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final String GOOD =
      "{\"product\":\"winserver\",\"version\":\"2022\",\"edition\":\"ServerStandard\","
          + "\"channel\":\"VOLUME_MAK\",\"partialProductKey\":\"ABCDE\","
          + "\"licenseStatus\":\"Licensed\",\"expires\":null,"
          + "\"cmid\":\"6f1c2b7e-8d3a-4b5c-9e0f-1a2b3c4d5e6f\",\"installationId\":null}";
  final DlvUpload upload = new DlvUpload(CatalogLoader.winserver());

  DlvUpload.Result read(String text, String name) {
    return upload.read(text.getBytes(StandardCharsets.UTF_8), name, NOW);
  }

  @Test
  void aGoodOutputIsAMachineNamedAsAsked() {
    var r = read(GOOD, " mak-01 ");
    assertThat(r).isInstanceOf(DlvUpload.Result.Accepted.class);
    SiteMachine m = ((DlvUpload.Result.Accepted) r).machine();
    assertThat(m.name()).isEqualTo("mak-01");
    assertThat(m.channel()).isEqualTo("VOLUME_MAK");
    assertThat(m.partialProductKey()).hasValue("ABCDE");
    assertThat(((DlvUpload.Result.Accepted) read(GOOD, "")).machine().name()).isEqualTo("6f1c2b7e");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Name: Windows Server",
        "[1,2]",
        "{\"product\":\"winserver\"}",
        "{\"product\":\"office\",\"version\":\"2022\"}",
        "{\"product\":\"winserver\",\"version\":\"1999\",\"edition\":\"ServerStandard\"}",
        "{\"product\":\"winserver\",\"version\":\"2022\",\"edition\":\"Home\"}",
      })
  void aFileThatIsNotADlvOutputIsRefusedWith0xC0DE0009(String text) {
    var r = read(text, "x");
    assertThat(r).isInstanceOf(DlvUpload.Result.Refused.class);
    var f = ((DlvUpload.Result.Refused) r).failure();
    assertThat(f.error()).isEqualTo(ErrorCode.INPUT_FILE_INVALID);
    assertThat(f.message()).contains("Nothing was added");
  }

  @Test
  void eachWrongFieldIsNamed() {
    assertThat(refusal(GOOD.replace("6f1c2b7e-8d3a", "zz"))).contains("\"cmid\"");
    assertThat(refusal(GOOD.replace("VOLUME_MAK", "GIFT"))).contains("\"channel\"");
    assertThat(refusal(GOOD.replace("\"expires\":null", "\"expires\":\"soon\"")))
        .contains("\"expires\"");
    assertThat(refusal(GOOD.replace("\"installationId\":null", "\"installationId\":\"123\"")))
        .contains("installation ID");
    assertThat(refusal(GOOD.replace("\"expires\":null", "\"expires\":7"))).contains("text or null");
    assertThat(((DlvUpload.Result.Refused) read(GOOD, "<script>")).failure().message())
        .contains("machine name");
    assertThat(upload.read(new byte[] {(byte) 0xff, (byte) 0xfe}, "x", NOW))
        .isInstanceOf(DlvUpload.Result.Refused.class);
  }

  private String refusal(String text) {
    return ((DlvUpload.Result.Refused) read(text, "x")).failure().message();
  }
}
