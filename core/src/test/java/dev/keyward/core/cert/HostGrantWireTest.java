package dev.keyward.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.vmhost.SignedVmGrant;
import dev.keyward.core.vmhost.VmGrant;
import dev.keyward.core.volume.SignedVolumeGrant;
import dev.keyward.core.volume.VolumeGrant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bytes hosts sign and machines store, pinned to the letter: both kinds of grant share one
 * envelope ({@link SignedHostGrant}), and neither's wire format may move with that sharing.
 */
class HostGrantWireTest {
  static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant EXPIRES = Instant.parse("2026-03-08T10:00:00Z");
  static final byte[] SIGNATURE = {1, 2, 3};

  static final VolumeGrant VOLUME =
      new VolumeGrant(
          "host-1",
          "winserver",
          "2022",
          "ServerStandard",
          "cmid-1",
          5,
          ISSUED,
          EXPIRES,
          10080,
          10080,
          120);

  static final VmGrant VM =
      new VmGrant(
          "host-2",
          "2025",
          "ServerDatacenter",
          "winserver",
          "2022",
          "ServerStandard",
          "guest-a",
          "cmid-2",
          ISSUED,
          EXPIRES);

  @Test
  void volumeGrantCanonicalBytes() {
    assertThat(new String(VOLUME.canonicalBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"activationValidityMinutes\":10080,\"cmid\":\"cmid-1\",\"count\":5,"
                + "\"edition\":\"ServerStandard\",\"expiresAt\":\"2026-03-08T10:00:00Z\","
                + "\"hostId\":\"host-1\",\"issuedAt\":\"2026-03-01T10:00:00Z\","
                + "\"product\":\"winserver\",\"renewalIntervalMinutes\":10080,"
                + "\"retryIntervalMinutes\":120,\"version\":\"2022\"}");
  }

  @Test
  void vmGrantCanonicalBytes() {
    assertThat(new String(VM.canonicalBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"cmid\":\"cmid-2\",\"edition\":\"ServerStandard\","
                + "\"expiresAt\":\"2026-03-08T10:00:00Z\",\"guestName\":\"guest-a\","
                + "\"hostEdition\":\"ServerDatacenter\",\"hostId\":\"host-2\","
                + "\"hostVersion\":\"2025\",\"issuedAt\":\"2026-03-01T10:00:00Z\","
                + "\"product\":\"winserver\",\"version\":\"2022\"}");
  }

  @Test
  void bothEnvelopesAreTheSameThreeFields() {
    SignedCertificate host = hostCertificate();
    String cert = host.toJsonText();
    assertThat(new SignedVolumeGrant(VOLUME, SIGNATURE, host).toJsonText())
        .isEqualTo(
            "{\"grant\":"
                + new String(VOLUME.canonicalBytes(), StandardCharsets.UTF_8)
                + ",\"hostCertificate\":"
                + cert
                + ",\"signature\":\"AQID\"}");
    assertThat(new SignedVmGrant(VM, SIGNATURE, host).toJsonText())
        .isEqualTo(
            "{\"grant\":"
                + new String(VM.canonicalBytes(), StandardCharsets.UTF_8)
                + ",\"hostCertificate\":"
                + cert
                + ",\"signature\":\"AQID\"}");
  }

  @Test
  void eachKindReadsBackItsOwnAndNotTheOther() {
    SignedCertificate host = hostCertificate();
    SignedVolumeGrant volume = new SignedVolumeGrant(VOLUME, SIGNATURE, host);
    SignedVmGrant vm = new SignedVmGrant(VM, SIGNATURE, host);
    assertThat(SignedVolumeGrant.fromJsonText(volume.toJsonText())).contains(volume);
    assertThat(SignedVmGrant.fromJsonText(vm.toJsonText())).contains(vm);
    assertThat(SignedVolumeGrant.fromJsonText(vm.toJsonText())).isEmpty();
    assertThat(SignedVmGrant.fromJsonText(volume.toJsonText())).isEmpty();
    assertThat(SignedVmGrant.fromJsonText(vm.toJsonText().replace("AQID", "not base64!")))
        .isEmpty();
  }

  private static SignedCertificate hostCertificate() {
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      hashes.put(c, ComponentHash.parse("0123456789abcdef0123456789abcdef").orElseThrow());
    }
    ActivationCertificate c =
        new ActivationCertificate(
            "cert-host",
            "key-host",
            "HOST5",
            "winserver",
            "2025",
            "ServerDatacenter",
            Channel.VOLUME_KMS_HOST,
            new HardwareIdentity(hashes),
            "cmid-host",
            ISSUED,
            Optional.empty(),
            "k1",
            Optional.of("AAAA"));
    return new SignedCertificate(c, new byte[] {9, 9});
  }
}
