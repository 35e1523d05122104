package dev.keyward.core.key;

import java.nio.charset.StandardCharsets;

/** Fixed secrets for tests: two different 32-byte values. */
final class TestSecrets {
  static final byte[] AUTHORITY =
      "test authority secret, 32 bytes!".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OTHER =
      "another secret of thirty-two b.!".getBytes(StandardCharsets.US_ASCII);

  private TestSecrets() {}
}
