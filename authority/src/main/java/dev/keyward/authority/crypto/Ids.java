package dev.keyward.authority.crypto;

import java.security.SecureRandom;

/** Random record ids: a prefix and 20 base-32 symbols (100 bits), e.g. {@code act-…}. */
public final class Ids {
  private static final char[] SYMBOLS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String next(String prefix) {
    char[] id = new char[20];
    byte[] bytes = new byte[id.length];
    RANDOM.nextBytes(bytes);
    for (int i = 0; i < id.length; i++) {
      id[i] = SYMBOLS[bytes[i] & 31];
    }
    return prefix + "-" + new String(id);
  }
}
