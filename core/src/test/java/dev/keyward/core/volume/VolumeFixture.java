package dev.keyward.core.volume;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.TestMachines;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** An authority key, a host key pair and the authority's certificate of the host, for tests. */
final class VolumeFixture {
  static final Catalog CATALOG = CatalogLoader.winserver();
  static final Product WINSERVER = CATALOG.product("winserver").orElseThrow();
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  final KeyPair authority = keyPair();
  final KeyPair host = keyPair();
  final TrustedKey trusted = new TrustedKey("k1", base64(authority.getPublic().getEncoded()));

  static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  String hostKeyText() {
    return base64(host.getPublic().getEncoded());
  }

  String hostId() {
    return HostId.of(hostKeyText());
  }

  ActivationCertificate hostCertificate(String version, Channel channel, boolean withKey) {
    HardwareIdentity machine = HardwareIdentity.of(TestMachines.vmwareGuest(), "winserver");
    ActivationCertificate c =
        new ActivationCertificate(
            "cert-host",
            "key-host",
            "HOST5",
            "winserver",
            version,
            "ServerStandard",
            channel,
            machine,
            "0f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f",
            NOW.minusSeconds(3600),
            Optional.empty(),
            "k1");
    return withKey ? c.withHostPublicKey(hostKeyText()) : c;
  }

  SignedCertificate signByAuthority(ActivationCertificate c) {
    return signBy(authority, c);
  }

  static SignedCertificate signBy(KeyPair key, ActivationCertificate c) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key.getPrivate());
      s.update(c.canonicalBytes());
      return new SignedCertificate(c, s.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  SignedCertificate hostCertificate2022() {
    return signByAuthority(hostCertificate("2022", Channel.VOLUME_KMS_HOST, true));
  }

  VolumeHostRules rules(String hostVersion) {
    return new VolumeHostRules(CATALOG, WINSERVER, hostVersion, hostId());
  }

  VolumeGrantVerifier verifier() {
    return new VolumeGrantVerifier(List.of(trusted), CATALOG);
  }

  static VolumeRequest request(String version, String cmid, Instant clientTime) {
    int group =
        WINSERVER
            .keyGroup(version, "ServerStandard", Channel.VOLUME_KMSCLIENT)
            .orElseThrow()
            .number();
    return new VolumeRequest(
        "winserver", version, "ServerStandard", group, cmid, clientTime, Optional.empty());
  }

  static String cmid(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }
}
