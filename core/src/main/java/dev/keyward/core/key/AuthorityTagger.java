package dev.keyward.core.key;

/**
 * Computes the authority tag of a key: a MAC over group and serial under a secret only the
 * activation authority holds. Clients never have one; they can check a key's checksum offline, but
 * only the authority can tell a forged or guessed key from an issued one.
 */
@FunctionalInterface
public interface AuthorityTagger {
  /**
   * The tag for a key group and serial. Only the low {@link KeyPayload#TAG_BITS} bits are used;
   * callers mask the rest away.
   */
  long tag(int group, long serial);
}
