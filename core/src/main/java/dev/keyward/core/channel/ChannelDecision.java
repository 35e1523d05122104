package dev.keyward.core.channel;

import dev.keyward.core.error.Failure;

/** The authority's answer to an activation request (SPEC §6). */
public sealed interface ChannelDecision {

  /**
   * Activate: a new activation is recorded.
   *
   * @param spendsCount whether it takes one from a counted pool (MAK pool, host-key slots)
   */
  record Grant(boolean spendsCount) implements ChannelDecision {}

  /** The same machine, within tolerance, already holds this activation: give it again, for free. */
  record Reissue(PriorActivation prior) implements ChannelDecision {}

  /** No activation; the failure says why and what to do. */
  record Refuse(Failure failure) implements ChannelDecision {}
}
