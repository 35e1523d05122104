package dev.keyward.lab.run;

/** What {@code keyward lab new} writes: a scenario that runs as it is, explained line by line. */
public final class ExampleScenario {
  private ExampleScenario() {}

  public static final String TEXT =
      """
      # A Keyward lab scenario (docs/lab.md). Run it with: keyward lab run THIS-FILE.yaml
      #
      # The lab starts its own activation authority in this process, on a virtual clock that only
      # the steps move, creates the simulated machines below, runs the steps as an administrator
      # types them on each machine's console, and checks every expectation. It prints a transcript
      # and exits with status 1 when an expectation is not met.
      name: evaluation expired, converted, activated
      catalog: builtin:winserver          # the catalog the machines know

      # Keys the lab authority issues before step 1; steps write them as {name}.
      # channel: RETAIL, OEM, VOLUME_MAK (pool: N), VOLUME_KMSCLIENT (the catalog's public key), ...
      keys:
        std2019: {version: "2019", edition: ServerStandard, channel: RETAIL}
        dc2019: {version: "2019", edition: ServerDatacenter, channel: RETAIL}

      # Simulated machines: a profile (physical-server, vmware-vm, proxmox-vm, hyperv-vm) and what
      # is installed on it (keyward init). oem: true puts the catalog's OEM marker in its firmware.
      machines:
        srv1: {profile: vmware-vm, version: "2019", edition: ServerStandardEval}

      # Each step is one of:
      #   {on: M, run: "COMMAND", expect: {...}}   a keyward command on M's console ({restart: M}
      #                                             is {on: M, run: restart})
      #   {advance: 181d}                          move the clock (d, h, m)
      #   {migrate: M, to: PROFILE, keep: [uuid, serial]}   a V2V move
      #   {clone: M, as: M2}  {generalize: M}  {hardware: M, change: [nic, disk]}
      #   {network: M, cut: authority}  {network: M, restore: authority}
      #   {support: release|extend|block|unblock, key: K, reason: "...", by: N}
      #   {support: downgrade, key: K, version: "2019", as: NAME, reason: "..."}
      # expect: any field of the command's --json answer (licenseStatus, reason, expires, ...),
      # error (the error code), ok (true or false), output (text the console shows).
      # pending: "why" marks a step that needs a part not built yet: reported, never run.
      steps:
        - {on: srv1, run: "slmgr /dli", expect: {licenseStatus: ExtendedGrace, channel: TIMEBASED_EVAL}}
        - {on: srv1, run: "slmgr /ipk {std2019}", expect: {error: "0x80070032"}}
        - {advance: 181d}
        - {on: srv1, run: "slmgr /dli", expect: {licenseStatus: Notification, reason: "0xC004FC07", enforcement.shutdownEveryMinutes: 60}}
        - {on: srv1, run: "slmgr /ipk {std2019}", expect: {error: "0xC004FC07"}}
        - {on: srv1, run: "dism /online /Get-TargetEditions", expect: {output: "Target Edition : ServerStandard"}}
        - {on: srv1, run: "dism /online /Set-Edition:ServerStandard /ProductKey:{dc2019} /AcceptEula", expect: {error: "0xC004F050"}}
        - {on: srv1, run: "dism /online /Set-Edition:ServerStandard /ProductKey:{std2019} /AcceptEula"}
        - {restart: srv1, expect: {licenseStatus: InitialGrace, edition: ServerStandard}}
        - {on: srv1, run: "slmgr /ato", expect: {ok: true}}
        - {on: srv1, run: "slmgr /xpr", expect: {licenseStatus: Licensed, expires: null}}
        - {on: srv1, run: "slui 4", pending: "phone activation is built on another branch"}
      """;
}
