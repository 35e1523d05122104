package dev.keyward.hardware.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.hardware.NetworkIF;
import oshi.hardware.NetworkIF.IfOperStatus;

class PrimaryNicTest {

  @Test
  void aCardsOwnAddressGoesBeforeMadeUpOnes() {
    NetworkIF docker = nic("docker0", "02:42:ac:11:00:01", IfOperStatus.UP);
    NetworkIF eth = nic("eth0", "00:50:56:ab:cd:ef", IfOperStatus.UP);

    assertThat(PrimaryNic.macOf(List.of(docker, eth))).contains("00:50:56:AB:CD:EF");
  }

  @Test
  void onlyInterfacesThatAreUpCount() {
    NetworkIF down = nic("eth0", "00:50:56:00:00:01", IfOperStatus.DOWN);
    NetworkIF up = nic("eth1", "02:fc:00:00:00:01", IfOperStatus.UP);

    assertThat(PrimaryNic.macOf(List.of(down, up))).contains("02:FC:00:00:00:01");
    assertThat(PrimaryNic.macOf(List.of(down))).isEmpty();
  }

  @Test
  void interfacesWithoutAnAddressAreSkipped() {
    NetworkIF tunnel = nic("tun0", "unknown", IfOperStatus.UP);
    NetworkIF zero = nic("dummy0", "00:00:00:00:00:00", IfOperStatus.UP);

    assertThat(PrimaryNic.macOf(List.of(tunnel, zero))).isEmpty();
  }

  @Test
  void theChoiceDoesNotDependOnListOrder() {
    NetworkIF a = nic("eno1", "B8:CA:3A:00:00:01", IfOperStatus.UP);
    NetworkIF b = nic("eno2", "B8:CA:3A:00:00:02", IfOperStatus.UP);

    assertThat(PrimaryNic.macOf(List.of(a, b))).isEqualTo(PrimaryNic.macOf(List.of(b, a)));
  }

  @Test
  void theLocallyAdministeredBitIsReadFromTheFirstOctet() {
    assertThat(PrimaryNic.isLocallyAdministered("02:42:AC:11:00:01")).isTrue();
    assertThat(PrimaryNic.isLocallyAdministered("BE:24:11:00:00:01")).isTrue();
    assertThat(PrimaryNic.isLocallyAdministered("BC:24:11:00:00:01")).isFalse();
  }

  /** An interface that {@code java.net} does not know (index and loopback come from there). */
  private static NetworkIF nic(String name, String mac, IfOperStatus status) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("getName", name);
    answers.put("getMacaddr", mac);
    answers.put("getIfOperStatus", status);
    answers.put("queryNetworkInterface", null);
    return Fakes.of(NetworkIF.class, answers);
  }
}
