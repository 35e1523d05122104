package dev.keyward.core.catalog;

import java.time.Duration;

/**
 * Grace periods and rearm limit of a product (SPEC §5).
 *
 * @param initial after a fresh install or an edition conversion, to activate
 * @param additionalVolume after a volume activation lapsed
 * @param additionalOther after a retail, OEM or MAK activation went out of tolerance
 * @param nonGenuine after the store failed its integrity check
 * @param rearmLimit how many times an evaluation or initial grace may be restarted
 * @param clockSkew how far a machine's clock may be from the authority's
 */
public record GracePolicy(
    Duration initial,
    Duration additionalVolume,
    Duration additionalOther,
    Duration nonGenuine,
    int rearmLimit,
    Duration clockSkew) {}
