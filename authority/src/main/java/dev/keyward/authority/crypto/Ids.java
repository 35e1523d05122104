package dev.keyward.authority.crypto;

import dev.keyward.core.concurrent.InstancePool;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Record ids: a prefix and 20 base-32 symbols, e.g. {@code act-…}: 9 symbols of the time in
 * milliseconds (45 bits, until the year 3084), then 11 random symbols (55 bits).
 *
 * <p>Why time first: ids are the primary keys of activations, certificates and keys. Random ids put
 * every insert on a random leaf page of each index that holds them, so a commit of SQLite's writer
 * (a group of activations) wrote that many more pages to its log and the database; ids in time
 * order are appended to the same last pages. The time symbols use the same alphabet sorted by code
 * point, so text order is time order; 55 random bits keep two ids of one millisecond apart (and ids
 * unguessable beyond their time, which the records carry anyway).
 */
public final class Ids {
  private static final char[] SYMBOLS = "23456789abcdefghijkmnpqrstuvwxyz".toCharArray();
  private static final int TIME_SYMBOLS = 9;
  private static final int LENGTH = 20;
  // Generators seeded by the system's, lent one caller at a time: the default one reads
  // /dev/urandom under a lock at every call, every activation takes two ids, and a generator per
  // thread would be one seeded per request (requests run on virtual threads).
  private static final InstancePool<SecureRandom> RANDOM = new InstancePool<>(Ids::generator);

  // A symbol's value by its character, -1 for characters that are not symbols.
  private static final byte[] VALUE = new byte[128];

  static {
    Arrays.fill(VALUE, (byte) -1);
    for (int i = 0; i < SYMBOLS.length; i++) {
      VALUE[SYMBOLS[i]] = (byte) i;
    }
  }

  /** What {@link #packed} returns for a text that is not an activation id. */
  public static final long NOT_PACKED = -1;

  private static final String ACTIVATION = "act-";

  private Ids() {}

  /**
   * Half of an activation id ({@code act-} and 20 symbols) as 50 bits: its first ten symbols
   * ({@code second} false) or its last ten; {@link #NOT_PACKED} if {@code id} is not one. The two
   * halves together are the id without loss, so comparing them compares ids: two longs, instead of
   * two strings that, cached for hours, are each a pointer chase away from the processor's caches.
   */
  public static long packed(String id, boolean second) {
    if (id.length() != ACTIVATION.length() + LENGTH || !id.startsWith(ACTIVATION)) {
      return NOT_PACKED;
    }
    int from = ACTIVATION.length() + (second ? LENGTH / 2 : 0);
    long bits = 0;
    for (int i = from; i < from + LENGTH / 2; i++) {
      char c = id.charAt(i);
      int value = c < VALUE.length ? VALUE[c] : -1;
      if (value < 0) {
        return NOT_PACKED;
      }
      bits = bits << 5 | value;
    }
    return bits;
  }

  public static String next(String prefix) {
    return next(prefix, System.currentTimeMillis());
  }

  static String next(String prefix, long epochMillis) {
    char[] id = new char[LENGTH];
    long time = epochMillis;
    for (int i = TIME_SYMBOLS - 1; i >= 0; i--) {
      id[i] = SYMBOLS[(int) (time & 31)];
      time >>>= 5;
    }
    byte[] bytes = new byte[LENGTH - TIME_SYMBOLS];
    RANDOM.apply(
        random -> {
          random.nextBytes(bytes);
          return bytes;
        });
    for (int i = 0; i < bytes.length; i++) {
      id[TIME_SYMBOLS + i] = SYMBOLS[bytes[i] & 31];
    }
    return prefix + "-" + new String(id);
  }

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
