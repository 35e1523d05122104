package dev.keyward.core.catalog;

import java.util.Optional;

/**
 * The per-channel numbers of a product (SPEC §6). Only the fields of the channel concerned mean
 * anything; the loader fills the others with defaults.
 *
 * @param channel which channel
 * @param defaultPool multiple activation keys: activations a new key allows when none is given
 * @param extensionLimit multiple activation keys: how many activations support may add in all
 * @param hosts volume host keys: how many distinct hosts one key activates
 * @param activationsPerHost volume host keys: how many times one host may be re-activated
 * @param oemMarker OEM keys: the firmware marker a machine must carry
 */
public record ChannelPolicy(
    Channel channel,
    int defaultPool,
    int extensionLimit,
    int hosts,
    int activationsPerHost,
    Optional<String> oemMarker) {

  public static ChannelPolicy defaults(Channel channel) {
    return new ChannelPolicy(channel, 10, 100, 6, 10, Optional.empty());
  }
}
