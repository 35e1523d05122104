package dev.keyward.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A phone or proxy activation as the store keeps it, in the place of a certificate: the
 * confirmation ID and the installation ID it answers. Every status check verifies the CID against
 * the IID with the authority's phone keys, and compares the machine's hardware with the IID's like
 * a certificate's (SPEC §10).
 *
 * @param installationId the installation ID the authority confirmed, as shown
 * @param confirmationId the confirmation ID, as shown
 * @param keyIndex the authority phone key that signed it
 * @param confirmedAt when it was applied on this machine
 */
public record PhoneConfirmation(
    String installationId, String confirmationId, int keyIndex, Instant confirmedAt) {
  public PhoneConfirmation {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(confirmationId, "confirmationId");
    Objects.requireNonNull(confirmedAt, "confirmedAt");
  }
}
