package dev.keyward.core.volume;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A volume host's id: the first 16 bytes of the SHA-256 of its certified public key (the base64
 * text as the certificate carries it), in hex. Stable while the host keeps its key pair, and tied
 * to the key that signs: a grant's {@code hostId} must match its host certificate.
 */
public final class HostId {
  private HostId() {}

  public static String of(String hostPublicKeyBase64) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(hostPublicKeyBase64.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
