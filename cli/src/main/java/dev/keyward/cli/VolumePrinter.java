package dev.keyward.cli;

import dev.keyward.client.LicenseInfo;
import dev.keyward.client.VolumeClientInfo;
import dev.keyward.client.VolumeSettings;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The volume client block of {@code slmgr /dli} and {@code /dlv}, as text and as JSON. */
final class VolumePrinter {
  private VolumePrinter() {}

  static void text(PrintStream out, LicenseInfo info, boolean verbose) {
    VolumeSettings v = info.volume();
    Optional<VolumeClientInfo> c = info.volumeClient();
    out.println("Volume activation client information:");
    out.println("    Client Machine ID (CMID): " + info.cmid());
    out.println(
        "    Registered volume activation host: "
            + (v.host() == null ? "(none, DNS discovery)" : v.host()));
    out.println(
        "    DNS domain searched: " + (v.domain() == null ? "(the machine's domain)" : v.domain()));
    c.flatMap(VolumeClientInfo::hostId)
        .ifPresent(id -> out.println("    Activated by volume host: " + id));
    c.flatMap(VolumeClientInfo::activationExpires)
        .ifPresent(e -> out.println("    Volume activation expiration: " + Printer.date(e)));
    c.flatMap(VolumeClientInfo::lastCount)
        .ifPresent(n -> out.println("    Current count at the host: " + n));
    c.flatMap(VolumeClientInfo::grantProblem)
        .ifPresent(p -> out.println("    The held volume activation is not valid: " + p));
    DirectoryPrinter.text(out, c);
    if (!verbose) {
      return;
    }
    out.println(
        "    Host from DNS: "
            + c.flatMap(VolumeClientInfo::dnsHost).orElse("(none looked up yet)"));
    c.flatMap(VolumeClientInfo::cachedHost)
        .ifPresent(h -> out.println("    Cached volume activation host: " + h));
    out.println(
        "    Activation interval: "
            + c.map(i -> i.activationIntervalMinutes() + " minutes")
                .orElse(
                    v.activationIntervalMinutes() == null
                        ? "(product default)"
                        : v.activationIntervalMinutes() + " minutes"));
    out.println(
        "    Renewal interval: "
            + c.map(i -> i.renewalIntervalMinutes() + " minutes")
                .orElse(
                    v.renewalIntervalMinutes() == null
                        ? "(product default)"
                        : v.renewalIntervalMinutes() + " minutes"));
    out.println("    Host caching: " + (v.hostCaching() ? "enabled" : "disabled"));
    c.flatMap(VolumeClientInfo::lastResult)
        .ifPresent(r -> out.println("    Last answer of the host: " + r));
    c.ifPresent(
        i ->
            out.println(
                "    Next request to the host: "
                    + Printer.date(i.nextAttempt())
                    + (i.renewalDue() ? " (due: keyward slmgr /ato renews now)" : "")));
  }

  static Map<String, Object> json(LicenseInfo info) {
    VolumeSettings v = info.volume();
    Optional<VolumeClientInfo> c = info.volumeClient();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("cmid", info.cmid());
    o.put("registeredHost", v.host());
    o.put("domain", v.domain());
    o.put("hostFromDns", c.flatMap(VolumeClientInfo::dnsHost).orElse(null));
    o.put("cachedHost", c.flatMap(VolumeClientInfo::cachedHost).orElse(null));
    o.put("hostCaching", v.hostCaching());
    o.put(
        "activationIntervalMinutes",
        c.map(i -> (Object) i.activationIntervalMinutes()).orElse(v.activationIntervalMinutes()));
    o.put(
        "renewalIntervalMinutes",
        c.map(i -> (Object) i.renewalIntervalMinutes()).orElse(v.renewalIntervalMinutes()));
    o.put("lastCount", c.flatMap(VolumeClientInfo::lastCount).orElse(null));
    o.put("lastResult", c.flatMap(VolumeClientInfo::lastResult).orElse(null));
    o.put("hostId", c.flatMap(VolumeClientInfo::hostId).orElse(null));
    o.put(
        "activationExpires",
        c.flatMap(VolumeClientInfo::activationExpires).map(Instant::toString).orElse(null));
    o.put("nextAttempt", c.map(i -> i.nextAttempt().toString()).orElse(null));
    o.put("renewalDue", c.map(VolumeClientInfo::renewalDue).orElse(null));
    o.put("grantProblem", c.flatMap(VolumeClientInfo::grantProblem).orElse(null));
    o.put("directoryActivation", DirectoryPrinter.json(c));
    return o;
  }
}
