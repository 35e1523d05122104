package dev.keyward.core.key;

/** Why a typed key was refused offline. Every reason is reported as 0xC004F050. */
public enum RejectionReason {
  /** Not 25 characters once spaces and hyphens are removed. */
  WRONG_LENGTH,
  /** Characters outside the key alphabet, such as O, 0, I, 1, S or 5. */
  INVALID_CHARACTERS,
  /** The check symbols do not match the rest: a typo or two swapped characters. */
  CHECKSUM_MISMATCH,
  /** The symbols spell a number that no key encodes. */
  OUT_OF_RANGE,
  /** A well-formed key of a key group the catalog does not know. */
  UNKNOWN_GROUP
}
