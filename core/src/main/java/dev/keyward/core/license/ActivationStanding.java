package dev.keyward.core.license;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.time.Instant;
import java.util.Objects;

/**
 * What the proof of an activation kept on the machine shows at this moment (SPEC §16): a signed
 * certificate, a confirmation ID, and every timed volume or VM activation all come down to one of
 * these. {@link LicenseDerivation} turns it and the stored record into the license state; nothing
 * the machine's owner can write without a vendor key makes it {@link Proven}.
 */
public sealed interface ActivationStanding {

  /**
   * The proof verifies against a trusted vendor key, is for this installation and key, and this
   * machine is within tolerance of the one it names.
   *
   * @param expiresAt when the activation ends, as the signed proof says; null for a permanent one
   * @param lapse the reason of the AdditionalGrace that follows its expiry: what failed to renew it
   *     (0xC004F074 for a volume host; a VM guest names its missing host agent instead)
   */
  record Proven(Instant expiresAt, ErrorCode lapse) implements ActivationStanding {
    public Proven {
      Objects.requireNonNull(lapse, "lapse");
    }

    /** A proof whose expiry leaves the machine without a volume host (0xC004F074). */
    public Proven(Instant expiresAt) {
      this(expiresAt, ErrorCode.VOLUME_HOST_UNAVAILABLE);
    }

    public static Proven permanently() {
      return new Proven(null);
    }
  }

  /** The store holds no proof of activation. */
  record Absent() implements ActivationStanding {}

  /**
   * The proof proves nothing: its signature fails, it was signed by a key this machine does not
   * trust ({@link ErrorCode#AUTHORITY_NOT_TRUSTED}), or it is for another installation or key
   * ({@link ErrorCode#STORE_TAMPERED}).
   */
  record Refuted(Failure failure) implements ActivationStanding {
    public Refuted {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** A genuine proof, for a machine this one is out of tolerance of ({@code 0xC004F00F}). */
  record OtherMachine(Failure failure) implements ActivationStanding {
    public OtherMachine {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
