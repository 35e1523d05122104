package dev.keyward.core.catalog;

import java.time.Duration;

/**
 * Volume activation numbers of a product (SPEC §11).
 *
 * @param threshold distinct machines a volume host must have seen before it activates clients
 * @param validity how long a volume activation lasts
 * @param renewal how often a client renews
 * @param retry how soon a client retries after a failure
 */
public record VolumePolicy(int threshold, Duration validity, Duration renewal, Duration retry) {}
