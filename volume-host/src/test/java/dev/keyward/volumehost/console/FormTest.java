package dev.keyward.volumehost.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The console's form reader: url-encoded and multipart bodies, as browsers send them. */
class FormTest {
  @Test
  void urlEncodedFieldsRepeatAndDecode() {
    Form f =
        Form.parse(
            "application/x-www-form-urlencoded",
            "csrf=a%2Bb&cmid=1&cmid=2&bad=%zz".getBytes(StandardCharsets.UTF_8));
    assertThat(f.first("csrf")).hasValue("a+b");
    assertThat(f.all("cmid")).containsExactly("1", "2");
    assertThat(f.first("bad")).isEmpty();
  }

  @Test
  void multipartKeepsFieldsAndFileBytes() {
    String body =
        "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
            + "tok\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"dlv\"; filename=\"a.json\"\r\n"
            + "Content-Type: application/json\r\n\r\n"
            + "{\"a\":1}\r\n\r\n"
            + "--XyZ--\r\n";
    Form f = Form.parse("multipart/form-data; boundary=XyZ", body.getBytes(StandardCharsets.UTF_8));
    assertThat(f.first("csrf")).hasValue("tok");
    assertThat(new String(f.file("dlv").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1}\r\n");
    assertThat(f.first("dlv")).isEmpty();
  }

  @Test
  void aBrokenMultipartBodyIsAnEmptyForm() {
    assertThat(Form.parse("multipart/form-data", "x".getBytes(StandardCharsets.UTF_8)).fields())
        .isEmpty();
    assertThat(
            Form.parse(
                    "multipart/form-data; boundary=q",
                    "--q\r\nno end".getBytes(StandardCharsets.UTF_8))
                .fields())
        .isEmpty();
  }
}
