package dev.keyward.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.TestMachines;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateTest {
  private final KeyPair authority = keyPair();
  private final TrustedKey trusted =
      new TrustedKey("k1", Base64.getEncoder().encodeToString(authority.getPublic().getEncoded()));
  private final CertificateVerifier verifier = new CertificateVerifier(List.of(trusted));

  private static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private ActivationCertificate certificate(Optional<Instant> expires) {
    HardwareIdentity machine = HardwareIdentity.of(TestMachines.vmwareGuest(), "winserver");
    return new ActivationCertificate(
        "c-1",
        "key-42",
        "TKDHF",
        "winserver",
        "2022",
        "ServerStandard",
        Channel.RETAIL,
        machine,
        "6f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f",
        Instant.parse("2026-03-01T10:00:00Z"),
        expires,
        "k1");
  }

  private SignedCertificate sign(ActivationCertificate c) throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(authority.getPrivate());
    s.update(c.canonicalBytes());
    return new SignedCertificate(c, s.sign());
  }

  @Test
  void aSignedCertificateVerifiesAndSurvivesItsJsonForm() throws Exception {
    for (Optional<Instant> expires :
        List.of(Optional.<Instant>empty(), Optional.of(Instant.parse("2026-08-28T10:00:00Z")))) {
      SignedCertificate signed = sign(certificate(expires));
      SignedCertificate back = SignedCertificate.fromJsonText(signed.toJsonText()).orElseThrow();
      assertThat(back).isEqualTo(signed);
      assertThat(verifier.verify(back)).isInstanceOf(CertificateCheck.Valid.class);
    }
  }

  @Test
  void canonicalBytesAreSortedAndCompact() {
    String text =
        new String(certificate(Optional.empty()).canonicalBytes(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("{\"certificateId\":\"c-1\",\"channel\":\"RETAIL\",\"cmid\":");
    assertThat(text).doesNotContain(" ").contains("\"expiresAt\":null");
  }

  @Test
  void everyChangedByteOfTheCertificateTextFailsVerification() throws Exception {
    SignedCertificate signed = sign(certificate(Optional.empty()));
    String text = signed.toJsonText();
    int checked = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        continue;
      }
      char other = c == 'a' ? 'b' : c == '0' ? '1' : Character.isDigit(c) ? '0' : 'a';
      String altered = text.substring(0, i) + other + text.substring(i + 1);
      Optional<SignedCertificate> parsed = SignedCertificate.fromJsonText(altered);
      // Either it no longer parses, or it parses and fails the signature check.
      if (parsed.isPresent() && !parsed.get().equals(signed)) {
        assertThat(verifier.verify(parsed.get()))
            .as("byte %d changed", i)
            .isInstanceOfSatisfying(
                CertificateCheck.Invalid.class,
                inv -> assertThat(inv.failure().error()).isEqualTo(ErrorCode.STORE_TAMPERED));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void aCertificateFromAnUntrustedKeyIsRefused() throws Exception {
    SignedCertificate signed = sign(certificate(Optional.empty()));
    TrustedKey stranger =
        new TrustedKey(
            "k1", Base64.getEncoder().encodeToString(keyPair().getPublic().getEncoded()));
    assertThat(new CertificateVerifier(List.of(stranger)).verify(signed))
        .isInstanceOf(CertificateCheck.Invalid.class);
    assertThat(new CertificateVerifier(List.of()).verify(signed))
        .isInstanceOf(CertificateCheck.Invalid.class);
  }
}
