package dev.keyward.core.hardware;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine described in a file ({@code --machine FILE}), YAML or JSON:
 *
 * <pre>{@code
 * profile: vmware-vm          # optional: the platform profile that made it
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
 * @param profile the name of the platform profile that made it ({@code vmware-vm}), when the file
 *     names one: the lab's profiles make machines (module {@code machines}); core only carries the
 *     name, checked on reading against the names the caller knows
 * @param domain the machine's DNS domain, where a volume client looks for the SRV record of its
 *     volume activation host (SPEC §11), when the file names one
 * @param vmHost a guest's host-only channel to its host agent for host-based VM activation (SPEC
 *     §12): {@code unix:/PATH} or {@code HOST:PORT}, when the file names one
 */
public record MachineFile(
    MachineFacts facts,
    Optional<String> profile,
    Optional<String> domain,
    Optional<String> vmHost) {
  public MachineFile {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(vmHost, "vmHost");
  }

  /** A machine file without a VM host channel. */
  public MachineFile(MachineFacts facts, Optional<String> profile, Optional<String> domain) {
    this(facts, profile, domain, Optional.empty());
  }

  /** A machine file without a domain. */
  public MachineFile(MachineFacts facts, Optional<String> profile) {
    this(facts, profile, Optional.empty());
  }

  /**
   * Reads a machine file. Never throws for bad input: every mistake is reported with its line.
   *
   * @param text the file's content
   * @param fileName how the user named the file, for messages
   * @param profiles the profile names a {@code profile:} may say, in the order a message lists
   *     them: the lab's ({@code LabProfile.names()}); core knows none of its own
   */
  public static MachineFileReading read(String text, String fileName, List<String> profiles) {
    return new MachineFileParser(fileName, profiles).parse(text);
  }

  /** Reads a machine file that names no profile: a {@code profile:} is refused, as unknown. */
  public static MachineFileReading read(String text, String fileName) {
    return read(text, fileName, List.of());
  }

  /** The YAML text of a machine file that {@link #read} turns back into the same facts. */
  public static String write(MachineFacts facts, Optional<String> profile) {
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
