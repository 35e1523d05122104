package dev.keyward.core.diagnose;

import dev.keyward.core.error.ErrorCode;
import java.time.Instant;
import java.util.Optional;

/**
 * The last operation that failed on this machine, as the store's event log recorded it, when no
 * later operation succeeded: some situations only show there (a key refused by {@code /ipk}, an
 * activation the authority refused).
 *
 * @param operation what failed ({@code KeyRefused}, {@code ActivationRefused})
 * @param code the catalogue code it failed with
 * @param at when
 * @param keyPartial the last five symbols of the key it was about, if known
 * @param keyVersion that key's version, if known
 * @param keyEdition that key's edition, if known
 * @param keyChannel that key's channel, if known
 */
public record LastFailure(
    String operation,
    ErrorCode code,
    Instant at,
    Optional<String> keyPartial,
    Optional<String> keyVersion,
    Optional<String> keyEdition,
    Optional<String> keyChannel) {

  public boolean is(ErrorCode c) {
    return code == c;
  }

  public String describe() {
    return operation
        + " at "
        + at
        + " with "
        + code.hex()
        + " "
        + code.symbolicName()
        + keyPartial
            .map(
                p ->
                    " (key ending in "
                        + p
                        + keyVersion.map(v -> ", version " + v).orElse("")
                        + keyEdition.map(e -> ", edition " + e).orElse("")
                        + keyChannel.map(c -> ", channel " + c).orElse("")
                        + ")")
            .orElse("");
  }
}
