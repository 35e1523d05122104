package dev.keyward.client;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code slmgr /dlv} shows of directory-based activation (SPEC §12), as "Directory activation"
 * beside the volume client block.
 *
 * @param directory the joined directory, {@code ldap://HOST:PORT/BASE}; empty after leaving
 * @param objectName the display name of the object the client activated from
 * @param objectDn its DN
 * @param activationExpires 180 days after the check that last found it
 * @param nextCheck when the client checks the directory again
 * @param lastResult the last check's code ({@code 0x0} when it found the object)
 * @param problem why the kept object is not believed, if it is not
 */
public record DirectoryActivationInfo(
    Optional<String> directory,
    Optional<String> objectName,
    Optional<String> objectDn,
    Optional<Instant> activationExpires,
    Optional<Instant> nextCheck,
    Optional<String> lastResult,
    Optional<String> problem) {}
