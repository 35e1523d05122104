package dev.keyward.core.vmhost;

import dev.keyward.core.error.Failure;

/** The outcome of checking a VM grant's chain and fit ({@link VmGrantVerifier}). */
public sealed interface VmGrantCheck {
  /** The chain verifies to a trusted authority key and the grant is for this installation. */
  record Valid(SignedVmGrant grant) implements VmGrantCheck {}

  /** Why the grant cannot activate this installation. */
  record Invalid(Failure failure) implements VmGrantCheck {}
}
