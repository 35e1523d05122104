package dev.keyward.authority.http;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The admin tokens this authority accepts, as their SHA-256 hashes (the database's admin_tokens):
 * the API's bearer token and the console's sign-in check the same list.
 */
public final class AdminTokens {
  private final List<byte[]> hashes;

  public AdminTokens(List<String> hexHashes) {
    this.hashes = hexHashes.stream().map(h -> HexFormat.of().parseHex(h)).toList();
  }

  /** Whether {@code token} is one of them; every hash is compared, in constant time. */
  public boolean matches(String token) {
    if (token == null) {
      return false;
    }
    byte[] presented = HexFormat.of().parseHex(Api.sha256Hex(token.strip()));
    boolean ok = false;
    for (byte[] hash : hashes) {
      ok |= MessageDigest.isEqual(presented, hash);
    }
    return ok;
  }
}
