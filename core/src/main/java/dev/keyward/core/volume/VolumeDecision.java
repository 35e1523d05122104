package dev.keyward.core.volume;

/**
 * What a volume host decided for one request ({@link VolumeHostRules}): the grant to sign, or the
 * refusal to send, each with the inventory after the request (to persist when it changed).
 */
public sealed interface VolumeDecision {
  VolumeInventory inventory();

  /** The client is activated: sign {@code grant} with the host key and answer it. */
  record Granted(VolumeGrant grant, VolumeInventory inventory) implements VolumeDecision {}

  /** The client is not activated (yet): answer {@code refusal}. */
  record Refused(VolumeRefusal refusal, VolumeInventory inventory) implements VolumeDecision {}
}
