package dev.keyward.core.directory;

import dev.keyward.core.error.Failure;

/** Reading an LDAP entry as an activation object ({@link ActivationObjectEntry#read}). */
public sealed interface ObjectReading {
  /** The entry holds a well-formed object (its signatures are not checked yet). */
  record Read(String dn, ActivationObject object) implements ObjectReading {}

  /** The entry is not a well-formed object: 0xC0DE0032 with what is wrong. */
  record Malformed(String dn, Failure failure) implements ObjectReading {}
}
