package dev.keyward.core.volume;

import static dev.keyward.core.volume.VolumeFixture.NOW;
import static dev.keyward.core.volume.VolumeFixture.cmid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.error.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VolumeGrantVerifierTest {
  private final VolumeFixture f = new VolumeFixture();

  private VolumeGrant grant(String version, String cmid) {
    return new VolumeGrant(
        f.hostId(),
        "winserver",
        version,
        "ServerStandard",
        cmid,
        5,
        NOW,
        NOW.plus(Duration.ofDays(180)),
        180L * 24 * 60,
        7L * 24 * 60,
        120);
  }

  private SignedVolumeGrant signed(VolumeGrant grant, SignedCertificate host) {
    return SignedVolumeGrant.sign(grant, f.host.getPrivate(), host);
  }

  private VolumeGrantCheck verify(SignedVolumeGrant g, String version, String cmid) {
    return f.verifier().verify(g, "winserver", version, "ServerStandard", cmid);
  }

  private static ErrorCode error(VolumeGrantCheck check) {
    assertThat(check).isInstanceOf(VolumeGrantCheck.Invalid.class);
    return ((VolumeGrantCheck.Invalid) check).error();
  }

  @Test
  void aGrantOfACertifiedHostVerifiesAndSurvivesItsJsonForm() {
    SignedVolumeGrant g = signed(grant("2022", cmid(1)), f.hostCertificate2022());
    SignedVolumeGrant back = SignedVolumeGrant.fromJsonText(g.toJsonText()).orElseThrow();
    assertThat(back).isEqualTo(g);
    assertThat(verify(back, "2022", cmid(1))).isEqualTo(new VolumeGrantCheck.Valid(back));
    assertThat(verify(signed(grant("2019", cmid(1)), f.hostCertificate2022()), "2019", cmid(1)))
        .isInstanceOf(VolumeGrantCheck.Valid.class);
  }

  @Test
  void aHostTheAuthorityNeverActivatedIsRefused() {
    var rogueAuthority = VolumeFixture.keyPair();
    SignedCertificate forged =
        VolumeFixture.signBy(
            rogueAuthority, f.hostCertificate("2022", Channel.VOLUME_KMS_HOST, true));
    assertThat(error(verify(signed(grant("2022", cmid(1)), forged), "2022", cmid(1))))
        .isEqualTo(ErrorCode.VOLUME_HOST_NOT_ACTIVATED);
  }

  @Test
  void aRetailCertificateOrOneWithoutAHostKeyCertifiesNoHost() {
    SignedCertificate retail = f.signByAuthority(f.hostCertificate("2022", Channel.RETAIL, true));
    SignedCertificate keyless =
        f.signByAuthority(f.hostCertificate("2022", Channel.VOLUME_KMS_HOST, false));
    for (SignedCertificate c : java.util.List.of(retail, keyless)) {
      assertThat(error(verify(signed(grant("2022", cmid(1)), c), "2022", cmid(1))))
          .isEqualTo(ErrorCode.VOLUME_HOST_NOT_ACTIVATED);
    }
  }

  @Test
  void aGrantSignedByAnotherKeyThanTheCertifiedOneIsRefused() {
    VolumeGrant g = grant("2022", cmid(1));
    SignedVolumeGrant other =
        SignedVolumeGrant.sign(g, VolumeFixture.keyPair().getPrivate(), f.hostCertificate2022());
    assertThat(error(verify(other, "2022", cmid(1))))
        .isEqualTo(ErrorCode.VOLUME_HOST_NOT_ACTIVATED);
    VolumeGrant wrongId =
        new VolumeGrant(
            "feedfacefeedfacefeedfacefeedface",
            g.product(),
            g.version(),
            g.edition(),
            g.cmid(),
            g.count(),
            g.issuedAt(),
            g.expiresAt(),
            g.activationValidityMinutes(),
            g.renewalIntervalMinutes(),
            g.retryIntervalMinutes());
    assertThat(error(verify(signed(wrongId, f.hostCertificate2022()), "2022", cmid(1))))
        .isEqualTo(ErrorCode.VOLUME_HOST_NOT_ACTIVATED);
  }

  @Test
  void anOlderHostKeyDoesNotCoverANewerClient() {
    SignedCertificate host2019 =
        f.signByAuthority(f.hostCertificate("2019", Channel.VOLUME_KMS_HOST, true));
    assertThat(error(verify(signed(grant("2022", cmid(1)), host2019), "2022", cmid(1))))
        .isEqualTo(ErrorCode.VOLUME_HOST_ID_MISMATCH);
  }

  @Test
  void aGrantForAnotherMachineOrEditionDoesNotActivateThisOne() {
    SignedVolumeGrant g = signed(grant("2022", cmid(1)), f.hostCertificate2022());
    assertThat(error(verify(g, "2022", cmid(2)))).isEqualTo(ErrorCode.STORE_TAMPERED);
    assertThat(error(f.verifier().verify(g, "winserver", "2022", "ServerDatacenter", cmid(1))))
        .isEqualTo(ErrorCode.MISMATCHED_PRODUCT_SKU);
  }

  @Test
  void aTamperedGrantNoLongerVerifies() {
    SignedVolumeGrant g = signed(grant("2022", cmid(1)), f.hostCertificate2022());
    String text = g.toJsonText().replace("\"count\":5", "\"count\":50");
    SignedVolumeGrant tampered = SignedVolumeGrant.fromJsonText(text).orElseThrow();
    assertThat(error(verify(tampered, "2022", cmid(1))))
        .isEqualTo(ErrorCode.VOLUME_HOST_NOT_ACTIVATED);
  }

  @Test
  void theHostKeyIsPartOfTheCertificateOnlyWhenPresent() {
    var without = f.hostCertificate("2022", Channel.VOLUME_KMS_HOST, false);
    var with = without.withHostPublicKey(f.hostKeyText());
    assertThat(new String(without.canonicalBytes())).doesNotContain("hostPublicKey");
    assertThat(new String(with.canonicalBytes())).contains("\"hostPublicKey\":");
    SignedCertificate signed = f.signByAuthority(with);
    assertThat(SignedCertificate.fromJsonText(signed.toJsonText())).contains(signed);
  }
}
