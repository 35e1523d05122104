package dev.keyward.core.diagnose;

import static dev.keyward.core.error.ErrorCode.DNS_NAME_DOES_NOT_EXIST;
import static dev.keyward.core.error.ErrorCode.VOLUME_HOST_UNAVAILABLE;
import static dev.keyward.core.error.ErrorCode.VOLUME_NOT_ENOUGH_COUNT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A volume client's host (seeds 000, 002, 003: "KMS introuvable"): no SRV record, no host that
 * answers (the {@code /skms} host DNS names, when the registered one is gone), a count below the
 * threshold.
 */
final class VolumeChecks {
  private VolumeChecks() {}

  static List<Check> all() {
    return List.of(
        new Check(
            DNS_NAME_DOES_NOT_EXIST,
            "seed 002: volume host not found in DNS",
            VolumeChecks::notFound),
        new Check(
            VOLUME_HOST_UNAVAILABLE,
            "seed 002: volume host unreachable",
            VolumeChecks::unreachable),
        new Check(
            VOLUME_NOT_ENOUGH_COUNT,
            "seed 003: volume count below threshold",
            VolumeChecks::belowThreshold));
  }

  static Severity severity(Facts f) {
    ProductFacts p = f.product();
    if (p.inState("Licensed")) {
      return Severity.WARNING;
    }
    return p.inState("Notification") || p.inState("Unlicensed")
        ? Severity.BLOCKING
        : Severity.ERROR;
  }

  private static Optional<Finding> notFound(Facts f) {
    if (f.volume().isEmpty() || f.directory().serving()) {
      return Optional.empty();
    }
    VolumeFacts v = f.volume().get();
    if (v.registeredHost().isPresent()
        || !(v.srv() instanceof VolumeFacts.SrvAnswer.NoRecord
            || v.srv() instanceof VolumeFacts.SrvAnswer.NotAsked)) {
      return Optional.empty();
    }
    List<String> facts = new ArrayList<>();
    facts.add("no volume activation host is set with /skms");
    switch (v.srv()) {
      case VolumeFacts.SrvAnswer.NoRecord none ->
          facts.add(
              "DNS has no SRV record " + v.srvName().orElse("?") + " (" + none.detail() + ")");
      case VolumeFacts.SrvAnswer.NotAsked why -> facts.add("DNS was not asked: " + why.why());
      default -> {}
    }
    facts.add(
        Commands.HOST
            + " is your volume activation host (a host publishing itself with keyward volume-host serve --publish "
            + v.domain().orElse("DOMAIN")
            + " needs no /skms)");
    facts.add("or else: a MAK (" + Commands.KEY + ") activates at the authority, with no host");
    return Optional.of(
        new Finding(
            severity(f),
            DNS_NAME_DOES_NOT_EXIST,
            "seed 002",
            "No volume activation host can be found: set one with /skms, or publish its SRV record.",
            facts,
            List.of("keyward slmgr /skms " + Commands.HOST, Commands.activate()),
            List.of(Commands.KEY_INSTALL, Commands.activate())));
  }

  private static Optional<Finding> unreachable(Facts f) {
    if (f.volume().isEmpty() || f.directory().serving()) {
      return Optional.empty();
    }
    VolumeFacts v = f.volume().get();
    boolean dnsFailed = v.srv() instanceof VolumeFacts.SrvAnswer.Failed;
    List<Reachability> down = v.hosts().stream().filter(h -> !h.reachable()).toList();
    if (!dnsFailed && down.isEmpty()) {
      return Optional.empty();
    }
    boolean registeredDown =
        v.registeredHost().isPresent() && !v.hosts().isEmpty() && !v.hosts().get(0).reachable();
    Optional<Reachability> up = v.firstReachable();
    if (!registeredDown && up.isPresent()) {
      return Optional.empty(); // DNS offers another host that answers: /ato uses it
    }
    List<String> facts = new ArrayList<>();
    v.registeredHost().ifPresent(h -> facts.add("registered host (/skms): " + h));
    if (v.srv() instanceof VolumeFacts.SrvAnswer.Found found) {
      facts.add("DNS " + v.srvName().orElse("") + ": " + String.join(", ", found.targets()));
    } else if (v.srv() instanceof VolumeFacts.SrvAnswer.Failed failed) {
      facts.add("DNS lookup of " + v.srvName().orElse("") + " failed: " + failed.detail());
    }
    v.hosts().forEach(h -> facts.add("host " + h.describe()));
    List<String> commands = new ArrayList<>();
    String summary;
    if (up.isPresent()) {
      summary =
          "The registered volume host does not answer, but DNS names one that does: point /skms at it.";
      commands.add("keyward slmgr /skms " + up.get().address());
    } else {
      String first = v.hosts().isEmpty() ? Commands.HOST : v.hosts().get(0).address();
      summary =
          "No volume activation host answers: start " + first + " or open its port, then activate.";
      commands.add(
          Commands.SYSTEM
              + "start the volume activation host "
              + first
              + " (keyward volume-host serve) and let this machine reach its port");
    }
    commands.add(Commands.activate());
    return Optional.of(
        new Finding(severity(f), VOLUME_HOST_UNAVAILABLE, "seed 002", summary, facts, commands));
  }

  private static Optional<Finding> belowThreshold(Facts f) {
    if (f.volume().isEmpty()
        || f.volume().get().lastResult().orElse(null) != VOLUME_NOT_ENOUGH_COUNT
        || f.product().inState("Licensed")) {
      return Optional.empty();
    }
    VolumeFacts v = f.volume().get();
    int count = v.lastCount().orElse(0);
    int missing = Math.max(1, v.threshold() - count);
    return Optional.of(
        new Finding(
            severity(f),
            VOLUME_NOT_ENOUGH_COUNT,
            "seed 003",
            "The volume host counts "
                + count
                + " machine(s) and activates from "
                + v.threshold()
                + ": "
                + missing
                + " more volume client(s) must ask it, then activate again.",
            List.of(
                "last host answer: "
                    + VOLUME_NOT_ENOUGH_COUNT.hex()
                    + ", count "
                    + count
                    + ", threshold "
                    + v.threshold(),
                "the host counts distinct machines that asked within 30 days; this client retries on its own every 2 hours"),
            List.of(
                Commands.SYSTEM
                    + "activate "
                    + missing
                    + " more volume client(s) against the same host (keyward slmgr /ato on each)",
                Commands.activate())));
  }
}
