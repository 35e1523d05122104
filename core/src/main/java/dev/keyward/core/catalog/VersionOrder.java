package dev.keyward.core.catalog;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders version names as people read them: {@code 2019 < 2022 < 2025}, {@code 9 < 10}, {@code 1.2
 * < 1.10}. Digits compare as numbers, everything else as text.
 */
public final class VersionOrder implements Comparator<String> {
  public static final VersionOrder INSTANCE = new VersionOrder();
  private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

  private VersionOrder() {}

  @Override
  public int compare(String a, String b) {
    Matcher ma = CHUNK.matcher(a);
    Matcher mb = CHUNK.matcher(b);
    while (true) {
      boolean ha = ma.find();
      boolean hb = mb.find();
      if (!ha || !hb) {
        return Boolean.compare(ha, hb);
      }
      String ca = ma.group();
      String cb = mb.group();
      int c;
      if (Character.isDigit(ca.charAt(0)) && Character.isDigit(cb.charAt(0))) {
        c = new java.math.BigInteger(ca).compareTo(new java.math.BigInteger(cb));
      } else {
        c = ca.compareTo(cb);
      }
      if (c != 0) {
        return c;
      }
    }
  }
}
