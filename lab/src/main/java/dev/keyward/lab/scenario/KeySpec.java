package dev.keyward.lab.scenario;

import dev.keyward.core.catalog.Channel;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A key the lab authority issues before the first step; steps name it as {@code {name}}.
 *
 * @param product empty: the catalog's only product
 * @param edition empty for volume host keys
 * @param pool multiple activation keys: the pool size (empty: the catalog default)
 * @param oemMarker OEM keys are issued for machines carrying the catalog's marker
 */
public record KeySpec(
    String name,
    Optional<String> product,
    String version,
    Optional<String> edition,
    Channel channel,
    OptionalInt pool) {}
