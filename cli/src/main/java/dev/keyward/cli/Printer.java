package dev.keyward.cli;

import dev.keyward.client.LicenseInfo;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import dev.keyward.core.license.Enforcement;
import dev.keyward.core.license.LicenseState;
import dev.keyward.core.license.LicenseStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders results: text for people (stdout; errors on stderr) or, with {@code --json}, exactly one
 * JSON object on stdout with the stable fields of SPEC §9.
 */
final class Printer {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private final PrintStream err;
  private final boolean json;

  Printer(PrintStream out, PrintStream err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** What a status-like answer shows. */
  enum View {
    /** {@code slmgr /dli}. */
    DLI,
    /** {@code slmgr /dlv}. */
    DLV,
    /** {@code slmgr /xpr}. */
    XPR,
    /** An action's confirmation: the message only in text, the status fields in JSON. */
    ACTION
  }

  void error(Failure failure) {
    if (json) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", failure.error().hex());
      error.put("name", failure.error().symbolicName());
      error.put("message", failure.message());
      error.put("remedy", failure.remedy());
      out.println(Json.write(Map.of("error", error)));
    } else {
      err.println("Error: " + failure.error().hex() + " " + failure.error().symbolicName());
      err.println(failure.message());
      err.println("Remedy: " + failure.remedy());
    }
    out.flush();
    err.flush();
  }

  /** One JSON object, as is. */
  void object(Map<String, ?> object) {
    out.println(Json.write(object));
  }

  /**
   * A result about a license: in text the notices, the {@code message} lines and the view; in JSON
   * the stable fields plus {@code ok} for actions.
   */
  void license(LicenseInfo info, View view, boolean action, List<String> message) {
    if (json) {
      Map<String, Object> o = fields(info, view);
      if (action) {
        o.put("ok", true);
      }
      if (!message.isEmpty()) {
        o.put("message", String.join("\n", message));
      }
      object(o);
      return;
    }
    for (String notice : info.notices()) {
      out.println("Note: " + notice);
    }
    message.forEach(out::println);
    switch (view) {
      case DLI -> dli(info, false);
      case DLV -> dli(info, true);
      case XPR -> xpr(info);
      case ACTION -> {}
    }
  }

  /**
   * A status view with blocks other parts add (the volume host's on {@code /dlv}): in JSON their
   * fields beside the stable ones, in text their lines after the view.
   */
  void license(LicenseInfo info, View view, Map<String, Object> extra, List<String> extraLines) {
    if (json) {
      Map<String, Object> o = fields(info, view);
      o.putAll(extra);
      object(o);
      return;
    }
    license(info, view, false, List.of());
    extraLines.forEach(out::println);
  }

  static Map<String, Object> fields(LicenseInfo info, View view) {
    LicenseStatus s = info.status();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("product", info.product());
    o.put("version", info.version());
    o.put("edition", info.edition());
    o.put("channel", info.channel().map(Channel::name).orElse(null));
    o.put("partialProductKey", info.partialProductKey().orElse(null));
    o.put("licenseStatus", s.state().displayName());
    o.put("licenseStatusCode", s.state().code());
    o.put("remainingMinutes", s.remainingMinutes());
    o.put("reason", s.reason() == null ? null : s.reason().hex());
    o.put("expires", s.expires() == null ? null : s.expires().toString());
    o.put("rearmRemaining", s.rearmRemaining());
    o.put("cmid", info.cmid());
    o.put("notices", info.notices());
    if (view == View.DLV) {
      o.put("name", name(info));
      o.put("activationId", info.activationId().orElse(null));
      o.put("extendedPid", info.extendedPid().orElse(null));
      o.put("installationId", info.installationId().orElse(null));
      o.put("activationMethod", info.activationMethod().orElse(null));
      o.put("evaluationEndDate", s.evaluationEnd() == null ? null : s.evaluationEnd().toString());
      o.put("trustedTime", info.trustedTime().toString());
      o.put("clockSetBack", s.clockSetBack());
      o.put("enforcement", s.enforcement().map(Printer::enforcement).orElse(null));
    }
    if (view != View.DLV) {
      // what an expired evaluation must do, and when it ends, belong to every answer
      o.put("evaluationEndDate", s.evaluationEnd() == null ? null : s.evaluationEnd().toString());
      o.put("enforcement", s.enforcement().map(Printer::enforcement).orElse(null));
    }
    o.put("pendingEdition", info.pendingEdition().orElse(null));
    if (info.channel().map(c -> c == Channel.VOLUME_KMSCLIENT).orElse(false)) {
      o.put("volumeClient", VolumePrinter.json(info));
    }
    return o;
  }

  private static Map<String, Object> enforcement(Enforcement e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("warning", e.warning());
    o.put("shutdownEveryMinutes", e.shutdownEvery() == null ? null : e.shutdownEvery().toMinutes());
    o.put("message", e.message());
    return o;
  }

  private static String name(LicenseInfo info) {
    return info.productName() + ", " + info.edition() + " edition";
  }

  private void dli(LicenseInfo info, boolean verbose) {
    LicenseStatus s = info.status();
    if (verbose) {
      out.println("Software licensing client: keyward");
      out.println();
    }
    out.println("Name: " + name(info));
    out.println(
        "Description: "
            + info.productName()
            + " "
            + info.version()
            + ", "
            + info.channel().map(c -> c.name() + " channel").orElse("no product key installed"));
    if (verbose) {
      out.println(
          "Activation ID: "
              + info.phoneActivation()
                  .map(
                      p ->
                          "(phone activation: confirmation ID of authority phone key "
                              + p.keyIndex()
                              + ", applied "
                              + DATE.format(p.confirmedAt())
                              + ")")
                  .or(info::activationId)
                  .orElse("(not activated)"));
      out.println("Extended PID: " + info.extendedPid().orElse("(no product key installed)"));
      out.println("Product Key Channel: " + info.channel().map(Channel::name).orElse("(none)"));
      out.println(
          "Installation ID: "
              + info.installationId().orElse("(none: no product key that activates by phone)"));
      if (s.evaluationEnd() != null) {
        out.println("Evaluation End Date: " + DATE.format(s.evaluationEnd()));
      }
    }
    out.println("Partial Product Key: " + info.partialProductKey().orElse("(none)"));
    out.println("License Status: " + s.state().displayName());
    statusDetail(s);
    if (verbose) {
      out.println("Remaining rearm count: " + s.rearmRemaining());
      out.println("Trusted time: " + DATE.format(info.trustedTime()));
      if (s.clockSetBack()) {
        out.println("Warning: the clock is behind the trusted time; timers use the trusted time.");
      }
    }
    info.pendingEdition()
        .ifPresent(
            p -> out.println("Pending edition conversion: " + p + " (keyward restart applies it)"));
    out.println();
    volume(info, verbose);
  }

  private void statusDetail(LicenseStatus s) {
    if (s.state() == LicenseState.LICENSED) {
      if (s.expires() != null) {
        out.println(
            "Activation expires: "
                + DATE.format(s.expires())
                + " ("
                + remaining(s.remaining())
                + " remaining)");
      }
      return;
    }
    if (s.remaining() != null) {
      out.println(
          "Time remaining: " + remaining(s.remaining()) + ", until " + DATE.format(s.expires()));
    }
    if (s.reason() != null) {
      String label = s.state() == LicenseState.NOTIFICATION ? "Notification Reason" : "Reason";
      out.println(label + ": " + s.reason().hex() + " " + s.reason().symbolicName());
      out.println("  " + s.reason().meaning());
    }
    s.enforcement().ifPresent(e -> out.println("Enforcement: " + e.message()));
  }

  private void volume(LicenseInfo info, boolean verbose) {
    boolean volumeClient = info.channel().map(Channel::isVolumeClient).orElse(false);
    if (!volumeClient) {
      out.println("Volume activation: not a volume client");
      if (verbose) {
        out.println("Client Machine ID (CMID): " + info.cmid());
      }
      return;
    }
    if (info.channel().get() == Channel.VIRTUAL_MACHINE_ACTIVATION) {
      // its host's details are the vmGuest block of /dlv
      out.println("Host-based VM activation client (Client Machine ID: " + info.cmid() + ")");
      return;
    }
    VolumePrinter.text(out, info, verbose);
  }

  private void xpr(LicenseInfo info) {
    LicenseStatus s = info.status();
    out.println(name(info) + ":");
    String line =
        switch (s.state()) {
          case LICENSED ->
              s.expires() == null
                  ? "The machine is permanently activated."
                  : "Volume activation will expire " + DATE.format(s.expires()) + ".";
          case INITIAL_GRACE -> "Initial grace period ends " + DATE.format(s.expires()) + ".";
          case ADDITIONAL_GRACE -> "Additional grace period ends " + DATE.format(s.expires()) + ".";
          case NON_GENUINE_GRACE ->
              "Non-genuine grace period ends " + DATE.format(s.expires()) + ".";
          case EXTENDED_GRACE ->
              "Timebased activation will expire " + DATE.format(s.expires()) + ".";
          case NOTIFICATION ->
              "Not activated: in notification mode ("
                  + s.reason().hex()
                  + " "
                  + s.reason().symbolicName()
                  + ").";
          case UNLICENSED -> "Unlicensed: no product key is installed.";
        };
    out.println("    " + line);
    if (info.evaluation()) {
      if (s.evaluationEnd() != null) {
        out.println("    Evaluation End Date: " + DATE.format(s.evaluationEnd()));
      }
      out.println("    Remaining rearm count: " + s.rearmRemaining());
    }
  }

  /** {@code 14400 minute(s) (10 day(s))}. */
  static String remaining(Duration d) {
    // a started minute counts, as slmgr shows it: 10 days less a second is still 14400 minutes
    long minutes = d.plusSeconds(59).toMinutes();
    return minutes + " minute(s) (" + minutes / (24 * 60) + " day(s))";
  }

  static String date(Instant instant) {
    return DATE.format(instant);
  }
}
