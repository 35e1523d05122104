package dev.keyward.core.diagnose;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything a support agent asks for before answering (SPEC §17), gathered read-only by the
 * client: the rules of {@link Diagnosis} decide on these values alone.
 *
 * @param product what is installed and its license
 * @param hardware drift against the activated snapshot, when a certificate names one
 * @param time the clock against the trusted-time anchor
 * @param authority whether the activation authority answers
 * @param volume the volume client's hosts, for a volume client key
 * @param lastFailure the last failed operation not followed by a success
 * @param storeProblem why the store failed its integrity check, if it did
 * @param directory directory-based activation (SPEC §12): the joined directory, whether it answers,
 *     the object last activated from
 */
public record Facts(
    ProductFacts product,
    Optional<HardwareDrift> hardware,
    TimeFacts time,
    Optional<Reachability> authority,
    Optional<VolumeFacts> volume,
    Optional<LastFailure> lastFailure,
    Optional<String> storeProblem,
    DirectoryFacts directory) {

  public Facts {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(directory, "directory");
  }

  /** The last failure, when it failed with {@code code}. */
  public Optional<LastFailure> failedWith(dev.keyward.core.error.ErrorCode code) {
    return lastFailure.filter(f -> f.is(code));
  }
}
