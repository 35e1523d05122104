package dev.keyward.cli;

import dev.keyward.client.DirectoryActivationInfo;
import dev.keyward.client.VolumeClientInfo;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The "Directory activation" lines of {@code slmgr /dli} and {@code /dlv}, text and JSON. */
final class DirectoryPrinter {
  private DirectoryPrinter() {}

  static void text(PrintStream out, Optional<VolumeClientInfo> client) {
    Optional<DirectoryActivationInfo> d = client.flatMap(VolumeClientInfo::directory);
    if (d.isEmpty()) {
      return;
    }
    DirectoryActivationInfo i = d.get();
    out.println("    Directory activation:");
    out.println("        Directory: " + i.directory().orElse("(none joined)"));
    i.objectName().ifPresent(n -> out.println("        Activation object name: " + n));
    i.objectDn().ifPresent(dn -> out.println("        Activation object DN: " + dn));
    i.activationExpires()
        .ifPresent(e -> out.println("        Directory activation expiration: " + Printer.date(e)));
    i.nextCheck().ifPresent(n -> out.println("        Next directory check: " + Printer.date(n)));
    i.lastResult().ifPresent(r -> out.println("        Last directory check: " + r));
    i.problem().ifPresent(p -> out.println("        The kept object is not valid: " + p));
  }

  static Map<String, Object> json(Optional<VolumeClientInfo> client) {
    Optional<DirectoryActivationInfo> d = client.flatMap(VolumeClientInfo::directory);
    if (d.isEmpty()) {
      return null;
    }
    DirectoryActivationInfo i = d.get();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("directory", i.directory().orElse(null));
    o.put("objectName", i.objectName().orElse(null));
    o.put("objectDn", i.objectDn().orElse(null));
    o.put("activationExpires", i.activationExpires().map(Instant::toString).orElse(null));
    o.put("nextCheck", i.nextCheck().map(Instant::toString).orElse(null));
    o.put("lastResult", i.lastResult().orElse(null));
    o.put("problem", i.problem().orElse(null));
    return o;
  }
}
