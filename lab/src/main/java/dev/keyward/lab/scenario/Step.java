package dev.keyward.lab.scenario;

import dev.keyward.core.hardware.Component;
import dev.keyward.machines.LabProfile;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a scenario. Every step knows its line in the file (failures name it) and may be
 * marked {@code pending: "why"}: it needs a part not built yet, and the runner reports it as
 * pending instead of running it, never as passed.
 */
public sealed interface Step {
  int line();

  Optional<String> pending();

  /**
   * {@code {on: M, run: "slmgr /ato", expect: {...}}}; {@code run: restart} (or the step {@code
   * {restart: M}}) restarts M.
   */
  record Run(int line, String machine, String command, Expectation expect, Optional<String> pending)
      implements Step {}

  /** {@code {advance: 181d}}: the virtual clock moves for everyone. */
  record Advance(int line, Duration by, Optional<String> pending) implements Step {}

  /**
   * {@code {clock: M, skew: 5h}}: M's clock runs that far ahead of the lab's ({@code -5h} behind,
   * {@code 0s} right again); the lab clock still moves it with everyone.
   */
  record Clock(int line, String machine, Duration skew, Optional<String> pending) implements Step {}

  /** {@code {migrate: M, to: proxmox-vm, keep: [uuid, serial]}}: a V2V move (SPEC §4). */
  record Migrate(
      int line, String machine, LabProfile to, Set<Component> keep, Optional<String> pending)
      implements Step {}

  /** {@code {migrate: M, host: H}}: the guest M moves to the host H (SPEC §12). */
  record MigrateHost(int line, String machine, String host, Optional<String> pending)
      implements Step {}

  /** {@code {clone: M, as: M2}}: a copy of the machine, store and CMID included. */
  record Clone(int line, String machine, String as, Optional<String> pending) implements Step {}

  /** {@code {generalize: M}}: the installation forgets its CMID (a new one is drawn). */
  record Generalize(int line, String machine, Optional<String> pending) implements Step {}

  /** {@code {hardware: M, change: [nic, disk]}}: those components get new values. */
  record Hardware(int line, String machine, Set<Component> change, Optional<String> pending)
      implements Step {}

  /** {@code {network: M, cut: authority}} or {@code {network: M, restore: authority}}. */
  record Network(
      int line, String machine, String target, boolean connected, Optional<String> pending)
      implements Step {}

  /**
   * {@code {support: phone, on: M, reason: "…"}}: the activation centre confirms M's installation
   * ID (as {@code keyward admin phone IID} does); the confirmation ID is kept for M, and the next
   * {@code slui 4} on M types it.
   */
  record Phone(
      int line, String machine, String reason, Expectation expect, Optional<String> pending)
      implements Step {}

  /**
   * {@code {support: release, key: K, reason: "...", expect: {...}}}: an authority support action
   * (release, extend with {@code by: N}, block, unblock, downgrade with {@code version: V} and
   * {@code as: NAME}, which names the downgrade key for later steps), recorded with actor and
   * reason.
   */
  record Support(
      int line,
      String action,
      String key,
      int by,
      Optional<String> version,
      Optional<String> as,
      String reason,
      Expectation expect,
      Optional<String> pending)
      implements Step {}

  /**
   * {@code {follow: M, with: {KEY: "{std2019}"}, old: M0, orElse: true, finding: 0, expect:
   * {...}}}: runs {@code diagnose} on M and then the commands of its finding (the first unless
   * {@code finding: N}; its {@code orElse} commands with {@code orElse: true}) as printed, the
   * placeholders given by {@code with}; {@code expect} is checked against M's {@code slmgr /dli}
   * afterwards.
   */
  record Follow(
      int line,
      String machine,
      int finding,
      boolean orElse,
      java.util.Map<String, String> with,
      Optional<String> old,
      Expectation expect,
      Optional<String> pending)
      implements Step {
    public Follow {
      with = java.util.Map.copyOf(with);
    }
  }

  /**
   * {@code {tamper: M}}: M's license state file is edited outside keyward (its seal no longer
   * matches), as a user rewriting the store would.
   */
  record Tamper(int line, String machine, Optional<String> pending) implements Step {}
}
