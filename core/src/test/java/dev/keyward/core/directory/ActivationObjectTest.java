package dev.keyward.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.TestMachines;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationObjectTest {
  private static final Catalog CATALOG = CatalogLoader.winserver();
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.250Z");
  private final KeyPair authority = keyPair();
  private final KeyPair objectKey = keyPair();
  private final TrustedKey trusted =
      new TrustedKey("k1", base64(authority.getPublic().getEncoded()));
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private ActivationCertificate cert(String version, Channel channel, Optional<Instant> expires) {
    return new ActivationCertificate(
            "cert-obj",
            "key-host",
            "HOST5",
            "winserver",
            version,
            "ServerStandard",
            channel,
            HardwareIdentity.of(TestMachines.vmwareGuest(), "winserver"),
            "0f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f",
            NOW.minusSeconds(60),
            expires,
            "k1")
        .withHostPublicKey(base64(objectKey.getPublic().getEncoded()));
  }

  private static SignedCertificate signBy(KeyPair key, ActivationCertificate c) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key.getPrivate());
      s.update(c.canonicalBytes());
      return new SignedCertificate(c, s.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private ActivationObject object(SignedCertificate cert, String version) {
    return ActivationObject.sign(
        "Contoso forest", "winserver", version, "server", 42, cert, NOW, objectKey.getPrivate());
  }

  private ActivationObject genuine(String version) {
    return object(
        signBy(authority, cert(version, Channel.VOLUME_KMS_HOST, Optional.empty())), version);
  }

  private ObjectCheck check(ActivationObject o, String clientVersion) {
    return new ObjectVerifier(List.of(trusted), CATALOG, clock)
        .verify(o, "winserver", clientVersion);
  }

  private static ErrorCode error(ObjectCheck c) {
    assertThat(c).isInstanceOf(ObjectCheck.Invalid.class);
    return ((ObjectCheck.Invalid) c).error();
  }

  @Test
  void aGenuineObjectSurvivesItsLdapAttributesAndItsJsonAndCoversOlderVersions() {
    ActivationObject o = genuine("2022");
    assertThat(o.publishedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    ObjectReading read = ActivationObjectEntry.read("cn=x", ActivationObjectEntry.attributes(o));
    assertThat(read).isInstanceOf(ObjectReading.Read.class);
    ActivationObject back = ((ObjectReading.Read) read).object();
    assertThat(back).isEqualTo(o);
    assertThat(ActivationObject.fromJson(o.toJson())).contains(o);
    assertThat(check(back, "2022")).isEqualTo(new ObjectCheck.Valid(back));
    assertThat(check(back, "2019")).isInstanceOf(ObjectCheck.Valid.class);
    assertThat(error(check(back, "2025"))).isEqualTo(ErrorCode.NO_ACTIVATION_OBJECT);
  }

  @Test
  void anObjectSignedByAKeyTheAuthorityNeverCertifiedIsUntrusted() {
    KeyPair rogue = keyPair();
    ActivationObject forged =
        object(signBy(rogue, cert("2022", Channel.VOLUME_KMS_HOST, Optional.empty())), "2022");
    assertThat(error(check(forged, "2022"))).isEqualTo(ErrorCode.ACTIVATION_OBJECT_UNTRUSTED);
    ActivationObject otherChannel =
        object(signBy(authority, cert("2022", Channel.VOLUME_MAK, Optional.empty())), "2022");
    assertThat(error(check(otherChannel, "2022"))).isEqualTo(ErrorCode.ACTIVATION_OBJECT_UNTRUSTED);
    ActivationObject expired =
        object(
            signBy(
                authority, cert("2022", Channel.VOLUME_KMS_HOST, Optional.of(NOW.minusSeconds(1)))),
            "2022");
    assertThat(error(check(expired, "2022"))).isEqualTo(ErrorCode.ACTIVATION_OBJECT_UNTRUSTED);
  }

  @Test
  void anAlteredObjectOrOneClaimingAnotherVersionIsUntrusted() {
    ActivationObject o = genuine("2022");
    ActivationObject renamed =
        new ActivationObject(
            "Renamed",
            o.product(),
            o.version(),
            o.family(),
            o.keyGroup(),
            o.hostCertificate(),
            o.publishedAt(),
            o.signature());
    assertThat(error(check(renamed, "2022"))).isEqualTo(ErrorCode.ACTIVATION_OBJECT_UNTRUSTED);
    ActivationObject claims2025 =
        object(signBy(authority, cert("2022", Channel.VOLUME_KMS_HOST, Optional.empty())), "2025");
    assertThat(error(check(claims2025, "2025"))).isEqualTo(ErrorCode.ACTIVATION_OBJECT_UNTRUSTED);
  }

  @Test
  void malformedEntriesAreRefusedWithTheirCodeNeverAnException() {
    Map<String, List<String>> good = ActivationObjectEntry.attributes(genuine("2022"));
    List<Map<String, List<String>>> bad = new ArrayList<>();
    bad.add(with(good, DirectorySchema.KEY_GROUP, List.of("forty-two")));
    bad.add(with(good, DirectorySchema.PUBLISHED_AT, List.of("yesterday")));
    bad.add(with(good, DirectorySchema.HOST_CERTIFICATE, List.of("{\"certificate\": 1}")));
    bad.add(with(good, DirectorySchema.HOST_CERTIFICATE, List.of("not json at all")));
    bad.add(with(good, DirectorySchema.SIGNATURE, List.of("%%%")));
    bad.add(with(good, DirectorySchema.DISPLAY_NAME, List.of("a", "b")));
    bad.add(with(good, DirectorySchema.CN, List.of("someone-else")));
    bad.add(with(good, DirectorySchema.VERSION, null));
    bad.add(with(good, DirectorySchema.FAMILY, List.of("")));
    for (Map<String, List<String>> entry : bad) {
      ObjectReading r = ActivationObjectEntry.read("cn=bad,dc=test", entry);
      assertThat(r).as(entry.toString()).isInstanceOf(ObjectReading.Malformed.class);
      ObjectReading.Malformed m = (ObjectReading.Malformed) r;
      assertThat(m.failure().error()).isEqualTo(ErrorCode.ACTIVATION_OBJECT_MALFORMED);
      assertThat(m.failure().detail()).contains("cn=bad,dc=test");
    }
  }

  @Test
  void attributeNamesAreReadInAnyCase() {
    Map<String, List<String>> upper = new LinkedHashMap<>();
    ActivationObjectEntry.attributes(genuine("2022"))
        .forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
    assertThat(ActivationObjectEntry.read("cn=x", upper)).isInstanceOf(ObjectReading.Read.class);
  }

  @Test
  void theTimersAre180DaysAndARecheckEvery7() {
    DirectoryPolicy p = DirectoryPolicy.DEFAULT;
    assertThat(p.expiresAt(NOW)).isEqualTo(NOW.plus(Duration.ofDays(180)));
    assertThat(p.recheckDue(NOW, NOW.plus(Duration.ofDays(7)).minusSeconds(1))).isFalse();
    assertThat(p.recheckDue(NOW, NOW.plus(Duration.ofDays(7)))).isTrue();
    assertThat(DirectorySchema.objectDn("ab", "dc=example,dc=test"))
        .isEqualTo("CN=ab,CN=Activation Objects,CN=Keyward,CN=Services,dc=example,dc=test");
  }

  private static Map<String, List<String>> with(
      Map<String, List<String>> base, String attribute, List<String> values) {
    Map<String, List<String>> m = new LinkedHashMap<>(base);
    if (values == null) {
      m.remove(attribute);
    } else {
      m.put(attribute, values);
    }
    return m;
  }
}
