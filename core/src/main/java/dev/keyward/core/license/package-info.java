/**
 * License states and timers (SPEC §5): {@link dev.keyward.core.license.LicenseState}, {@link
 * dev.keyward.core.license.LicenseTimers}, the persistent {@link
 * dev.keyward.core.license.LicenseRecord}, {@link dev.keyward.core.license.LicenseEvent}s and the
 * pure {@link dev.keyward.core.license.LicenseMachine} that applies them.
 *
 * <h2>Transitions</h2>
 *
 * <table>
 *   <caption>Events (rows) and what they do</caption>
 *   <tr><th>event</th><th>effect</th></tr>
 *   <tr><td>Installed(evaluation)</td><td>ExtendedGrace 180 d (0x4004FC04), or InitialGrace 10 d
 *       (0x4004F00C); no key, no rearm used. Over an existing record it is a reinstall: everything
 *       starts over except the trusted-time anchor.</td></tr>
 *   <tr><td>KeyInstalled(volume)</td><td>evaluation edition: refused, 0x80070032 while it runs,
 *       0xC004FC07 once expired (seeds 002, 000). Unlicensed: resumes the phase the key removal
 *       held (caught up), or else (as for Licensed) the rest of the installation's initial grace.
 *       Licensed: the activation belonged to the old key, so the installation returns to the
 *       initial grace that began at its installation ({@code graceFrom}) while that would still
 *       run, else Notification 0xC004F009, until activated again. Other states:
 *       the key is recorded, the state and its deadline are kept.</td></tr>
 *   <tr><td>KeyUninstalled</td><td>Unlicensed, 0xC004F014 (refused with 0xC004F014 when no key
 *       is installed). The activation is released; a running grace or notification is held and
 *       resumed by the next key, so removing and reinstalling a key never restarts a grace.
 *       Unlicensed is only entered this way: a grace that ends always leads to
 *       Notification.</td></tr>
 *   <tr><td>Activated(expiresAt, volume)</td><td>Licensed, permanently or until expiresAt
 *       (renewals too). Refused by an evaluation edition (as KeyInstalled), and with 0xC004F06C
 *       when expiresAt is not after the trusted time.</td></tr>
 *   <tr><td>Converted(volume)</td><td>from any state: no longer an evaluation, the conversion's
 *       key installed, InitialGrace 10 d, rearm count kept.</td></tr>
 *   <tr><td>HardwareChanged(outOfTolerance)</td><td>Licensed and out of tolerance:
 *       AdditionalGrace 0xC004F00F, 30 d after a volume activation, 3 d otherwise. Within
 *       tolerance, or in any other state, nothing changes (an AdditionalGrace is never
 *       restarted).</td></tr>
 *   <tr><td>Rearmed</td><td>restarts ExtendedGrace (and the evaluation end) or InitialGrace, also
 *       from the Notification their end led to (0xC004FC07, 0xC004F009); counts one. Past the
 *       limit 0xC004D307. Licensed: refused with 0x80070032 (a rearm would only throw the
 *       activation away). Unlicensed: 0xC004F014. AdditionalGrace and the Notification it ends in:
 *       0x80070032 (reactivate instead).</td></tr>
 *   <tr><td>IntegrityFailed(reason)</td><td>NonGenuineGrace 30 d, 0xC0DE0003 (or 0xC0DE0020
 *       for a proof signed by a key the machine does not trust), holding the phase it
 *       interrupts; it ends in Notification with the same reason; when already tampered nothing changes (the grace is not restarted).</td></tr>
 *   <tr><td>Repaired</td><td>resumes the held phase, caught up to now: the facts before the
 *       integrity failure, whose timers kept running. On an intact store nothing changes.</td></tr>
 * </table>
 *
 * <p>While the store is tampered (NonGenuineGrace, or the Notification 0xC0DE0003 it ends in),
 * KeyInstalled, KeyUninstalled, an out-of-tolerance HardwareChanged and Rearmed are refused with
 * 0xC0DE0003: a store that cannot be trusted must not be used to reset anything. Activated,
 * Converted and Installed write fresh facts and end the tampered state.
 *
 * <h2>Time</h2>
 *
 * <p>Deadlines are applied lazily by {@code settle}: at a deadline the state has ended (remaining
 * time zero is never shown). InitialGrace ends in Notification 0xC004F009, ExtendedGrace in
 * Notification 0xC004FC07 with shutdowns every 60 min, AdditionalGrace in Notification with its
 * reason, NonGenuineGrace in Notification 0xC0DE0003, and an expiring Licensed in AdditionalGrace
 * 0xC004F074 (30 d for a volume activation, 3 d for a time-limited non-volume one), then
 * Notification. Every other Notification warns without shutdowns.
 *
 * <p>Each record keeps the highest time it has seen. Timers are evaluated at the later of the clock
 * and that anchor, so a clock set back never gives back time, by any amount. The clock tolerance (1
 * h for winserver) only decides when the status reports {@code clockSetBack}.
 */
package dev.keyward.core.license;
