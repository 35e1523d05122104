package dev.keyward.core.vmhost;

import dev.keyward.core.error.Failure;

/** What the host-side rule decides for one guest request ({@link VmHostRules}). */
public sealed interface VmDecision {
  /** Activate the guest with this grant (to be signed by the agent key). */
  record Grant(VmGrant grant) implements VmDecision {}

  /** Refuse, with the catalogue code and the reason the guest is shown. */
  record Refuse(Failure failure) implements VmDecision {}
}
