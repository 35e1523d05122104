package dev.keyward.client;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code slmgr /dlv} shows of a volume client (SPEC §9, §11), beside its settings.
 *
 * @param registeredHost the fixed host ({@code /skms}), if set
 * @param dnsHost the host DNS named at the last lookup
 * @param cachedHost the last host that answered, when host caching is on
 * @param hostCaching whether the last good host is remembered
 * @param activationIntervalMinutes the retry interval in force (the host's, else {@code /sai}, else
 *     the product's)
 * @param renewalIntervalMinutes the renewal interval in force (the host's, else {@code /sri}, else
 *     the product's)
 * @param lastCount the count in the host's last answer
 * @param lastResult the last answer's code ({@code 0x0} for a grant)
 * @param hostId the id of the host whose grant is held
 * @param activationExpires when the held grant expires
 * @param nextAttempt when the client asks its host next
 * @param renewalDue whether that time has come (the next {@code /ato} asks)
 * @param grantProblem why a held grant is not believed, if it is not
 * @param directory directory-based activation, when the machine joined a directory or activated
 *     from one
 */
public record VolumeClientInfo(
    Optional<String> registeredHost,
    Optional<String> dnsHost,
    Optional<String> cachedHost,
    boolean hostCaching,
    long activationIntervalMinutes,
    long renewalIntervalMinutes,
    Optional<Integer> lastCount,
    Optional<String> lastResult,
    Optional<String> hostId,
    Optional<Instant> activationExpires,
    Instant nextAttempt,
    boolean renewalDue,
    Optional<String> grantProblem,
    Optional<DirectoryActivationInfo> directory) {}
