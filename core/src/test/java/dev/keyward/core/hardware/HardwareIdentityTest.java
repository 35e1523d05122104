package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HardwareIdentityTest {
  private static final MachineFacts EMPTY = new MachineFacts(Map.of(), Optional.empty(), false);

  @Test
  void hashesFollowTheDocumentedLayoutSoCertificatesStayComparableAcrossReleases()
      throws Exception {
    MachineFacts machine =
        new MachineFacts(Map.of(Component.NIC, "00:50:56:AB:CD:EF"), Optional.empty(), false);

    HardwareIdentity identity = HardwareIdentity.of(machine, "winserver");

    // Restated independently: length-prefixed salt, product, component name; presence byte; value.
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String field : new String[] {"keyward.hardware.v1", "winserver", "nic"}) {
      lengthPrefixed(sha, field);
    }
    sha.update((byte) 1);
    lengthPrefixed(sha, "00:50:56:AB:CD:EF");
    String expected = HexFormat.of().formatHex(sha.digest(), 0, 16);
    assertThat(identity.hash(Component.NIC).hex()).isEqualTo(expected);
  }

  @Test
  void absentComponentsHashAlikeOnTwoMachines() {
    MachineFacts one = new MachineFacts(Map.of(Component.CPU, "Xeon"), Optional.empty(), false);
    MachineFacts other = new MachineFacts(Map.of(Component.CPU, "EPYC"), Optional.empty(), true);

    HardwareIdentity a = HardwareIdentity.of(one, "p");
    HardwareIdentity b = HardwareIdentity.of(other, "p");

    assertThat(a.hash(Component.DISK)).isEqualTo(b.hash(Component.DISK));
    assertThat(a.differencesFrom(b)).containsExactly(Component.CPU);
  }

  @Test
  void anAbsentComponentDiffersFromEveryValueEvenTheWordAbsent() {
    HardwareIdentity absent = HardwareIdentity.of(EMPTY, "p");
    for (String value : new String[] {"absent", "null", "unknown", "\0"}) {
      HardwareIdentity present = HardwareIdentity.of(EMPTY.with(Component.SERIAL, value), "p");
      assertThat(present.hash(Component.SERIAL)).isNotEqualTo(absent.hash(Component.SERIAL));
    }
  }

  @Test
  void theSameValueInTwoComponentsHashesDifferently() {
    MachineFacts machine =
        new MachineFacts(
            Map.of(Component.SERIAL, "ABC123", Component.BASEBOARD, "ABC123"),
            Optional.empty(),
            false);

    HardwareIdentity identity = HardwareIdentity.of(machine, "p");

    assertThat(identity.hash(Component.SERIAL)).isNotEqualTo(identity.hash(Component.BASEBOARD));
  }

  @Test
  void theSaltChangesEveryHash() {
    MachineFacts machine = EMPTY.with(Component.CPU, "Xeon");

    HardwareIdentity v1 = HardwareIdentity.of(machine, "p");
    HardwareIdentity other = HardwareIdentity.of(machine, "p", "another-salt");

    assertThat(v1.differencesFrom(other)).containsExactlyInAnyOrder(Component.values());
  }

  @Test
  void anIdentityNeedsAllTenHashes() {
    Map<Component, ComponentHash> nine = new EnumMap<>(HardwareIdentity.of(EMPTY, "p").hashes());
    nine.remove(Component.VOLUME);

    assertThatThrownBy(() -> new HardwareIdentity(nine)).hasMessageContaining("volume");
  }

  @Test
  void aProductIdIsRequired() {
    assertThatThrownBy(() -> HardwareIdentity.of(EMPTY, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void componentHashesParseOnlyTheirOwnForm() {
    String hex = "0123456789abcdef0123456789abcdef";
    assertThat(ComponentHash.parse(hex)).contains(new ComponentHash(hex));
    assertThat(ComponentHash.parse(hex.toUpperCase())).isEmpty();
    assertThat(ComponentHash.parse(hex.substring(1))).isEmpty();
    assertThat(ComponentHash.parse(null)).isEmpty();
  }

  private static void lengthPrefixed(MessageDigest sha, String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }
}
