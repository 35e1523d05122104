package dev.keyward.authority.store;

import java.util.Optional;

/**
 * A stored activation.
 *
 * @param components JSON object of the ten component hashes
 * @param spent whether the grant took a count from the key
 * @param certificateId the certificate last issued for it (renewals replace it)
 */
public record ActivationRow(
    String id,
    String keyId,
    String components,
    String cmid,
    boolean active,
    boolean spent,
    long issuedAt,
    Optional<Long> releasedAt,
    Optional<String> releaseReason,
    String certificateId) {}
