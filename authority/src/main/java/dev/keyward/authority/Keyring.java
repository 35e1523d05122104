package dev.keyward.authority;

import dev.keyward.authority.crypto.CertificateSigner;
import dev.keyward.authority.crypto.KeyCipher;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.key.HmacAuthorityTagger;
import dev.keyward.core.key.KeyFingerprint;
import java.security.SecureRandom;
import java.util.List;

/** The authority's secrets in working form, made from the data directory. */
record Keyring(
    HmacAuthorityTagger tagger,
    KeyFingerprint fingerprint,
    KeyCipher cipher,
    CertificateSigner signer,
    List<TrustedKey> trustedKeys,
    CertificateVerifier verifier,
    PhoneKeys phoneKeys) {

  static Keyring of(DataDirectory data) {
    return new Keyring(
        new HmacAuthorityTagger(data.tagSecret()),
        new KeyFingerprint(data.fingerprintSecret()),
        new KeyCipher(data.keyEncryptionKey(), new SecureRandom()),
        data.signer(),
        data.trustedKeys(),
        new CertificateVerifier(data.trustedKeys()),
        data.phoneKeys());
  }
}
