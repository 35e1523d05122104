package dev.keyward.core.vmhost;

import java.util.Optional;

/**
 * What the host agent knows of its own machine when a guest asks (read from the host's store at
 * each request, SPEC §16): whether its license is Licensed now, its installation, and the id of the
 * agent key its activation certificate certifies (empty when the certificate certifies none).
 *
 * @param licenseStatus the host's license status as {@code slmgr /dli} names it
 */
public record VmHostView(
    boolean licensed,
    String licenseStatus,
    String product,
    String version,
    String edition,
    Optional<String> certifiedHostId) {}
