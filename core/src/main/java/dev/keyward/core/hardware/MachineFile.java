package dev.keyward.core.hardware;

import java.util.Objects;
import java.util.Optional;

/**
 * A machine described in a file ({@code --machine FILE}), YAML or JSON:
 *
 * <pre>{@code
 * profile: vmware-vm          # optional: the lab profile that made it
 * simulated: true             # optional, true when left out
 * oemMarker: "DELL"           # optional
 * domain: contoso.lan         # optional: the DNS domain the machine belongs to
 * vmHost: unix:/run/kw.sock   # optional: a guest's channel to its host agent (or 127.0.0.1:PORT)
 * components:                 # required; the ten names of Component, each optional
 *   uuid: "9B1A4D56-1100-3322-4455-66778899AABB"
 *   nic: "00:50:56:AB:CD:EF"
 * }</pre>
 *
 * <p>Values are text: {@code ram: 16} is refused (quote it) so that no value silently changes form
 * on its way to a hash. A component left out, or written as {@code null}, is absent. {@code
 * simulated} defaults to true because a file is never a reading of real hardware.
 *
 * @param facts the machine
 * @param profile the lab profile that made it, when known
 * @param domain the machine's DNS domain, where a volume client looks for the SRV record of its
 *     volume activation host (SPEC §11), when the file names one
 * @param vmHost a guest's host-only channel to its host agent for host-based VM activation (SPEC
 *     §12): {@code unix:/PATH} or {@code HOST:PORT}, when the file names one
 */
public record MachineFile(
    MachineFacts facts,
    Optional<LabProfile> profile,
    Optional<String> domain,
    Optional<String> vmHost) {
  public MachineFile {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(vmHost, "vmHost");
  }

  /** A machine file without a VM host channel. */
  public MachineFile(MachineFacts facts, Optional<LabProfile> profile, Optional<String> domain) {
    this(facts, profile, domain, Optional.empty());
  }

  /** A machine file without a domain. */
  public MachineFile(MachineFacts facts, Optional<LabProfile> profile) {
    this(facts, profile, Optional.empty());
  }

  /**
   * Reads a machine file. Never throws for bad input: every mistake is reported with its line.
   *
   * @param text the file's content
   * @param fileName how the user named the file, for messages
   */
  public static MachineFileReading read(String text, String fileName) {
    return new MachineFileParser(fileName).parse(text);
  }

  /** The YAML text of a machine file that {@link #read} turns back into the same facts. */
  public static String write(MachineFacts facts, Optional<LabProfile> profile) {
    return MachineFileWriter.write(facts, profile);
  }

  /** This file's YAML text. */
  public String write() {
    String text = write(facts, profile);
    // a DNS name needs no quoting; it goes first, where a reader looks for it
    String withDomain = domain.map(d -> "domain: " + d + "\n" + text).orElse(text);
    return vmHost.map(v -> "vmHost: \"" + v + "\"\n" + withDomain).orElse(withDomain);
  }
}
