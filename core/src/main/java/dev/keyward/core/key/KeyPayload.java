package dev.keyward.core.key;

/**
 * What a product key carries: 104 bits in all.
 *
 * @param group the key group (0..65535): which catalog version, edition and channel the key is for
 * @param serial the key's number within its group (0..2^34 - 1)
 * @param tag the authority tag (0..2^54 - 1): a keyed MAC of group and serial that only the holder
 *     of the authority's secret can compute, so forged or guessed keys are refused before lookup
 */
public record KeyPayload(int group, long serial, long tag) {
  public static final int GROUP_BITS = 16;
  public static final int SERIAL_BITS = 34;
  public static final int TAG_BITS = 54;

  public static final int MAX_GROUP = (1 << GROUP_BITS) - 1;
  public static final long MAX_SERIAL = (1L << SERIAL_BITS) - 1;
  public static final long TAG_MASK = (1L << TAG_BITS) - 1;

  public KeyPayload {
    if (group < 0 || group > MAX_GROUP) {
      throw new IllegalArgumentException("key group must be 0.." + MAX_GROUP + ", was " + group);
    }
    if (serial < 0 || serial > MAX_SERIAL) {
      throw new IllegalArgumentException("serial must be 0.." + MAX_SERIAL + ", was " + serial);
    }
    if ((tag & ~TAG_MASK) != 0) {
      throw new IllegalArgumentException("authority tag must fit in " + TAG_BITS + " bits");
    }
  }

  /** The payload of a new key: group and serial, tagged by the authority. */
  public static KeyPayload issue(int group, long serial, AuthorityTagger tagger) {
    return new KeyPayload(group, serial, tagger.tag(group, serial) & TAG_MASK);
  }

  /**
   * Whether this payload's tag is the one {@code tagger} computes, i.e. the key was issued by the
   * holder of that tagger's secret. A single comparison of two longs does not leak, through its
   * timing, how many leading bits matched, so no constant-time helper is needed; the tagger's
   * output is masked exactly as at issue so that extra high bits cannot make a genuine key fail.
   */
  public boolean isIssuedBy(AuthorityTagger tagger) {
    long expected = tagger.tag(group, serial) & TAG_MASK;
    return expected == tag;
  }

  /** Leaves out the tag: group, serial and tag together spell the full key. */
  @Override
  public String toString() {
    return "KeyPayload[group=" + group + ", serial=" + serial + "]";
  }
}
