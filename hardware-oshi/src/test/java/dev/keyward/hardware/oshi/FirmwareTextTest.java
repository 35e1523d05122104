package dev.keyward.hardware.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirmwareTextTest {

  @Test
  void realValuesAreKeptStripped() {
    assertThat(FirmwareText.clean("  7XK2M93 ")).contains("7XK2M93");
    assertThat(FirmwareText.clean("VMware-56 4d 1a 9b 00 11 22 33-44 55 66 77 88 99 aa bb"))
        .contains("VMware-56 4d 1a 9b 00 11 22 33-44 55 66 77 88 99 aa bb");
    assertThat(FirmwareText.clean("0000-0002-6591-8537-7712-4218-53")).isPresent();
  }

  @Test
  void placeholdersAreAbsent() {
    for (String placeholder :
        new String[] {
          "unknown",
          "None",
          "To Be Filled By O.E.M.",
          "Default string",
          "System Serial Number",
          "Not Specified",
          "03000200-0400-0500-0006-000700080009",
        }) {
      assertThat(FirmwareText.clean(placeholder)).as(placeholder).isEmpty();
    }
  }

  @Test
  void fillerMadeOfOneSymbolIsAbsent() {
    assertThat(FirmwareText.clean("00000000-0000-0000-0000-000000000000")).isEmpty();
    assertThat(FirmwareText.clean("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")).isEmpty();
    assertThat(FirmwareText.clean("ffffffff")).isEmpty();
    assertThat(FirmwareText.clean("xxxxxxx")).isEmpty();
    assertThat(FirmwareText.clean("7")).contains("7");
  }

  @Test
  void nothingIsAbsent() {
    assertThat(FirmwareText.clean(null)).isEmpty();
    assertThat(FirmwareText.clean(" \0 ")).isEmpty();
  }
}
