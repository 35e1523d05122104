package dev.keyward.core.directory;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;

/** The outcome of checking an activation object for an installation ({@link ObjectVerifier}). */
public sealed interface ObjectCheck {
  /** The chain verifies to a trusted authority key and the object covers the installation. */
  record Valid(ActivationObject object) implements ObjectCheck {}

  /** Why the object cannot activate the installation. */
  record Invalid(Failure failure) implements ObjectCheck {
    public ErrorCode error() {
      return failure.error();
    }
  }
}
