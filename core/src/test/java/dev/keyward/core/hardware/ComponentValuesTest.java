package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComponentValuesTest {

  @Test
  void cpuIsTheNameWithTheProcessorIdInBrackets() {
    assertThat(
            ComponentValues.cpu(
                Optional.of(" AMD EPYC 7543 32-Core Processor "), Optional.of("178bfbff00a00f11")))
        .contains("AMD EPYC 7543 32-Core Processor [178BFBFF00A00F11]");
  }

  @Test
  void cpuUsesWhicheverPartIsKnown() {
    assertThat(ComponentValues.cpu(Optional.of("Xeon"), Optional.of(" "))).contains("Xeon");
    assertThat(ComponentValues.cpu(Optional.empty(), Optional.of("bfebfbff00050657")))
        .contains("BFEBFBFF00050657");
    assertThat(ComponentValues.cpu(Optional.of(""), Optional.empty())).isEmpty();
  }

  @Test
  void macsAreUpperCaseWithColons() {
    assertThat(ComponentValues.mac("bc:24:11:0a:1b:2c")).contains("BC:24:11:0A:1B:2C");
    assertThat(ComponentValues.mac("00-15-5D-01-02-03")).contains("00:15:5D:01:02:03");
  }

  @Test
  void noAddressIsNoMac() {
    assertThat(ComponentValues.mac("00:00:00:00:00:00")).isEmpty();
    assertThat(ComponentValues.mac("unknown")).isEmpty();
    assertThat(ComponentValues.mac("00:50:56:01:02")).isEmpty();
    assertThat(ComponentValues.mac(null)).isEmpty();
  }
}
