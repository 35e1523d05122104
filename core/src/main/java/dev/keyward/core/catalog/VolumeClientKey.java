package dev.keyward.core.catalog;

/**
 * The public volume client key of one version and edition: every volume client of that edition
 * installs it and activates against a volume activation host or a directory activation object.
 */
public record VolumeClientKey(String version, String edition, String key) {}
