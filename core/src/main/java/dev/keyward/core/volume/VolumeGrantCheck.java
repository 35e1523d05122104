package dev.keyward.core.volume;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;

/** The outcome of checking a volume grant's chain and fit ({@link VolumeGrantVerifier}). */
public sealed interface VolumeGrantCheck {
  /** The chain verifies to a trusted authority key and the grant is for this installation. */
  record Valid(SignedVolumeGrant grant) implements VolumeGrantCheck {}

  /** Why the grant cannot activate this installation, as a catalogue code and a detail. */
  record Invalid(Failure failure) implements VolumeGrantCheck {
    public ErrorCode error() {
      return failure.error();
    }

    public String reason() {
      return failure.message();
    }
  }
}
