package dev.keyward.client;

import dev.keyward.core.catalog.Channel;
import java.util.Objects;
import java.util.Optional;

/**
 * The installed product key as the store keeps it: never in clear.
 *
 * @param fingerprint keyed hash of the key (the store's fingerprint secret)
 * @param partial the last five symbols, what {@code /dli} shows
 * @param group the key group the key encodes
 * @param channel the group's channel
 * @param version the group's version
 * @param edition the group's edition; empty for volume host keys
 * @param encrypted the key encrypted with the store's key, so that {@code /ato} can send it; empty
 *     once {@code /cpky} cleared it
 */
public record StoredKey(
    String fingerprint,
    String partial,
    int group,
    Channel channel,
    String version,
    Optional<String> edition,
    Optional<String> encrypted) {
  public StoredKey {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(partial, "partial");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(encrypted, "encrypted");
  }

  StoredKey withoutCopy() {
    return new StoredKey(fingerprint, partial, group, channel, version, edition, Optional.empty());
  }
}
