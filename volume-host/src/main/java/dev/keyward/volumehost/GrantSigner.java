package dev.keyward.volumehost;

import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.volume.SignedVolumeGrant;
import dev.keyward.core.volume.VolumeGrant;
import java.security.PrivateKey;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs grants with the host key through BouncyCastle's Ed25519 (the JDK's takes a millisecond a
 * signature on a busy small machine; this a small fraction of it). The signatures are standard
 * Ed25519, checked by clients with the JDK ({@code VolumeGrantVerifier}).
 */
final class GrantSigner {
  /** An Ed25519 PKCS#8 encoding is this 16-byte prefix and the 32-byte seed. */
  private static final int PKCS8_LENGTH = 48;

  private final PrivateKey jdkKey;
  private final Ed25519PrivateKeyParameters key;

  GrantSigner(PrivateKey privateKey) {
    this.jdkKey = privateKey;
    byte[] encoded = privateKey.getEncoded();
    this.key =
        encoded != null && encoded.length == PKCS8_LENGTH
            ? new Ed25519PrivateKeyParameters(
                Arrays.copyOfRange(encoded, PKCS8_LENGTH - 32, PKCS8_LENGTH), 0)
            : null;
  }

  SignedVolumeGrant sign(VolumeGrant grant, SignedCertificate hostCertificate) {
    if (key == null) {
      return SignedVolumeGrant.sign(grant, jdkKey, hostCertificate);
    }
    byte[] bytes = grant.canonicalBytes();
    Ed25519Signer signer = new Ed25519Signer(); // not thread-safe: one per signature
    signer.init(true, key);
    signer.update(bytes, 0, bytes.length);
    return new SignedVolumeGrant(grant, signer.generateSignature(), hostCertificate);
  }
}
