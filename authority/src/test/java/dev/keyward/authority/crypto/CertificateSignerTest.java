package dev.keyward.authority.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** BouncyCastle signs, the JDK (core's CertificateVerifier) verifies: they must agree. */
class CertificateSignerTest {
  private static final byte[] PKCS8_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");

  static ActivationCertificate certificate(String keyId, String partial, long seed) {
    Map<Component, String> values = new EnumMap<>(Component.class);
    Random r = new Random(seed);
    for (Component c : Component.values()) {
      values.put(c, "v" + r.nextLong());
    }
    HardwareIdentity machine =
        HardwareIdentity.of(new MachineFacts(values, Optional.empty(), false), "winserver");
    return new ActivationCertificate(
        "cert-" + seed,
        "pk-abc",
        partial,
        "winserver",
        "2022",
        "ServerStandard",
        Channel.VOLUME_MAK,
        machine,
        "6f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f",
        Instant.ofEpochMilli(1_700_000_000_000L + seed),
        Optional.empty(),
        keyId);
  }

  @Property(tries = 50)
  void theJdkVerifiesWhatBouncyCastleSignsAndBothSignAlike(
      @ForAll @Size(32) byte[] seedBytes, @ForAll long seed) throws Exception {
    CertificateSigner signer = new CertificateSigner(seedBytes);
    ActivationCertificate cert = certificate(signer.keyId(), "ABCDE", seed);
    SignedCertificate signed = signer.sign(cert);
    CertificateVerifier verifier = new CertificateVerifier(List.of(signer.publicKey()));
    assertThat(verifier.verify(signed)).isInstanceOf(CertificateCheck.Valid.class);

    // Ed25519 is deterministic: the JDK's signature with the same key is the same bytes.
    byte[] pkcs8 = new byte[PKCS8_PREFIX.length + 32];
    System.arraycopy(PKCS8_PREFIX, 0, pkcs8, 0, PKCS8_PREFIX.length);
    System.arraycopy(seedBytes, 0, pkcs8, PKCS8_PREFIX.length, 32);
    PrivateKey jdkKey =
        KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(jdkKey);
    jdk.update(cert.canonicalBytes());
    assertThat(jdk.sign()).isEqualTo(signed.signature());
    byte[] spki = CertificateVerifier.publicKey(signer.publicKey()).getEncoded();
    byte[] raw = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    assertThat(CertificateSigner.verify(raw, cert.canonicalBytes(), signed.signature())).isTrue();
    // The answer's text written from the signed canonical text is the canonical JSON writer's.
    CertificateSigner.Signed withText = signer.signText(cert);
    assertThat(withText.certificate()).isEqualTo(signed);
    assertThat(withText.text()).isEqualTo(signed.toJsonText());
  }

  @Property(tries = 30)
  void anyChangedByteFailsVerification(@ForAll @Size(32) byte[] seedBytes, @ForAll long seed) {
    CertificateSigner signer = new CertificateSigner(seedBytes);
    SignedCertificate signed = signer.sign(certificate(signer.keyId(), "ABCDE", seed));
    CertificateVerifier verifier = new CertificateVerifier(List.of(signer.publicKey()));
    SignedCertificate other =
        new SignedCertificate(certificate(signer.keyId(), "ABCDF", seed), signed.signature());
    assertThat(verifier.verify(other)).isInstanceOf(CertificateCheck.Invalid.class);
    byte[] sig = signed.signature().clone();
    sig[(int) Math.floorMod(seed, 64L)] ^= (byte) 0x80;
    assertThat(verifier.verify(new SignedCertificate(signed.certificate(), sig)))
        .isInstanceOf(CertificateCheck.Invalid.class);
  }

  @Property(tries = 20)
  void encryptedKeysOpenOnlyForTheirFingerprint(@ForAll @Size(32) byte[] kek) {
    KeyCipher cipher = new KeyCipher(kek, new java.security.SecureRandom());
    String sealed = cipher.encrypt("BCDFGHJKMPQRTVWXY23467899", "f1");
    assertThat(sealed).doesNotContain("BCDFG");
    assertThat(cipher.decrypt(sealed, "f1")).isEqualTo("BCDFGHJKMPQRTVWXY23467899");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> cipher.decrypt(sealed, "f2"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
