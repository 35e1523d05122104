package dev.keyward.core.diagnose;

import static dev.keyward.core.error.ErrorCode.OUT_OF_TOLERANCE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seed 001: the machine changed beyond the hardware tolerance (a VMware to Proxmox move). Says
 * which components changed and how far past the limit, whether keeping the UUID and serial would
 * have been enough, and the channel's way back: a MAK reactivates (one count), a volume client asks
 * its host, a retail key needs the old activation released, an OEM licence never moves.
 */
final class HardwareChecks {
  private HardwareChecks() {}

  static List<Check> all() {
    return List.of(
        new Check(OUT_OF_TOLERANCE, "seed 001: V2V move out of tolerance", HardwareChecks::drift));
  }

  private static Optional<Finding> drift(Facts f) {
    ProductFacts p = f.product();
    boolean outside = f.hardware().map(HardwareDrift::outOfTolerance).orElse(false);
    if (!outside && p.reason().orElse(null) != OUT_OF_TOLERANCE) {
      return Optional.empty();
    }
    List<String> facts = new ArrayList<>();
    f.hardware().ifPresent(d -> facts.add(d.describe()));
    facts.add(
        "state "
            + p.state()
            + ", reason "
            + OUT_OF_TOLERANCE.hex()
            + ", channel "
            + p.channel().orElse("none"));
    Optional<String> keep = keepAdvice(f);
    keep.ifPresent(facts::add);
    String channel = p.channel().orElse("");
    List<String> commands;
    List<String> orElse = keep.map(k -> List.of(Commands.SYSTEM + k)).orElse(List.of());
    String how;
    switch (channel) {
      case "VOLUME_MAK" -> {
        how = "reactivate the MAK online (it takes one count of its pool)";
        facts.add(
            "a MAK reactivation after a move takes one count; if the pool is empty (0xC004C020), support extends it");
        commands = List.of(Commands.activate());
      }
      case "VOLUME_KMSCLIENT" -> {
        how = "activate again against the volume host";
        facts.add(
            "a volume client activates again against its host: nothing is spent at the authority");
        commands = List.of(Commands.activate());
      }
      case "RETAIL", "VOLUME_KMS_HOST" -> {
        how = "ask support to release the old machine's activation, then activate";
        facts.add(
            "the authority still holds the activation of "
                + p.keyWords()
                + " for the machine before the move (0xC004C008)");
        facts.add(Commands.KEY + " is " + p.keyWords());
        commands =
            List.of(
                Commands.release(
                    "moved to new hardware; partial key " + p.partialKey().orElse("?")),
                Commands.activate());
      }
      case "OEM" -> {
        how = "an OEM licence never moves: install a licence for this machine";
        facts.add(
            "an OEM licence is bound to the firmware of the machine it came with; the new firmware has no OEM marker (0xC004F035)");
        facts.add(
            Commands.KEY
                + " is a new "
                + p.version()
                + " "
                + p.edition()
                + " key (retail or volume)");
        commands = Commands.newKey(Commands.KEY);
      }
      default -> {
        how = "activate again";
        commands = List.of(Commands.activate());
      }
    }
    return Optional.of(
        new Finding(
            p.inState("Notification") ? Severity.BLOCKING : Severity.ERROR,
            OUT_OF_TOLERANCE,
            "seed 001",
            "The hardware changed beyond tolerance since activation: " + how + ".",
            facts,
            commands,
            orElse));
  }

  /** Keeping the old UUID and serial: enough to be the same machine again? */
  private static Optional<String> keepAdvice(Facts f) {
    if (f.hardware().isEmpty()) {
      return Optional.empty();
    }
    HardwareDrift d = f.hardware().get();
    boolean touches = d.changed().contains("uuid") || d.changed().contains("serial");
    if (!touches || d.scoreKeepingUuidAndSerial() > d.limit()) {
      return Optional.empty();
    }
    return Optional.of(
        "give this machine its old SMBIOS UUID and system serial (Proxmox: qm set VMID --smbios1"
            + " uuid=OLD-UUID,serial=OLD-SERIAL): "
            + d.scoreKeepingUuidAndSerial()
            + " weighted change(s) remain, within the limit of "
            + d.limit()
            + ", and nothing is spent");
  }
}
