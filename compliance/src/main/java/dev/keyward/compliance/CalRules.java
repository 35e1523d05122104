package dev.keyward.compliance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Access licenses (Windows Server CALs and RDS CALs). One CAL per user or per device; the version
 * must be at least the highest version of the servers accessed, because the input lists who reaches
 * the services, not which server each of them reaches (our reading: everyone may reach every
 * server).
 *
 * <p>User or device: the customer may license all access by user or all by device, and the report
 * takes whichever leaves the smaller shortfall (ties: the type held most, then Device). A count of
 * 0 while the other is positive means access is counted the other way only ({@code users: 0,
 * devices: 25} is licensed by device). CALs of the other type held are shown but not counted:
 * counting a mix needs to know which users use which devices, and the input does not say.
 */
final class CalRules {
  private CalRules() {}

  private record Option(CalType type, int required, long held, int covered) {
    int shortfall() {
      return required - covered;
    }
  }

  /** The position for {@code kind}; adds the lines that explain it to {@code lines}. */
  static CalCompliance evaluate(
      CalKind kind,
      AccessCounts counts,
      List<Host> accessedHosts,
      List<CalEntitlement> held,
      List<ReportLine> lines) {
    Rule countRule = kind == CalKind.SERVER ? Rule.CAL_COUNT : Rule.RDS_CAL;
    Rule versionRule = kind == CalKind.SERVER ? Rule.CAL_VERSION : Rule.RDS_CAL;
    String label = kind.label();
    if (counts.isNone()) {
      lines.add(line(countRule, "%s: no users or devices listed -> none required", label));
      return CalCompliance.notRequired(kind);
    }
    Optional<Host> newest = accessedHosts.stream().max(Comparator.comparing(Host::version));
    if (newest.isEmpty()) {
      lines.add(
          line(
              countRule,
              "%s: no server that needs them (Essentials needs no CALs) -> none required",
              label));
      return CalCompliance.notRequired(kind);
    }
    ServerVersion version = newest.get().version();
    lines.add(
        line(
            versionRule,
            "%s version: the highest version accessed is %s (%s) -> %ss of %s or later",
            label,
            version,
            newest.get().name(),
            label,
            version));

    List<Option> options = options(counts, held, version);
    // Device is listed first, so it wins a complete tie.
    Option chosen =
        options.stream()
            .min(
                Comparator.comparingInt(Option::shortfall)
                    .thenComparing(Comparator.comparingLong(Option::held).reversed()))
            .orElseThrow();
    lines.add(line(countRule, "%s: %s", label, describeChoice(kind, counts, options, chosen)));
    explainHeld(kind, held, chosen, version, lines);
    lines.add(line(countRule, "%s", verdict(kind, chosen, version)));
    return new CalCompliance(
        kind,
        Optional.of(chosen.type()),
        Optional.of(version),
        chosen.required(),
        chosen.covered());
  }

  /** Licensing by device and by user, each with what it needs and what the held CALs cover. */
  private static List<Option> options(
      AccessCounts counts, List<CalEntitlement> held, ServerVersion version) {
    List<Option> options = new ArrayList<>();
    for (CalType type : List.of(CalType.DEVICE, CalType.USER)) {
      int required = counts.count(type);
      if (required > 0) {
        long valid =
            held.stream()
                .filter(
                    cal -> cal.type() == type && CoverageRules.calCovers(cal.version(), version))
                .mapToLong(CalEntitlement::quantity)
                .sum();
        options.add(new Option(type, required, valid, (int) Math.min(required, valid)));
      }
    }
    return options;
  }

  /** One line per held pack: counted, of the other type, or of too old a version. */
  private static void explainHeld(
      CalKind kind,
      List<CalEntitlement> held,
      Option chosen,
      ServerVersion version,
      List<ReportLine> lines) {
    Rule countRule = kind == CalKind.SERVER ? Rule.CAL_COUNT : Rule.RDS_CAL;
    Rule versionRule = kind == CalKind.SERVER ? Rule.CAL_VERSION : Rule.RDS_CAL;
    String label = kind.label();
    for (CalEntitlement cal : held) {
      if (cal.type() != chosen.type()) {
        lines.add(
            line(
                countRule,
                "%s held: %d %s not counted: access is licensed by %s here, and counting a mix"
                    + " needs to know which users use which devices",
                label,
                cal.quantity(),
                cal.packName(),
                chosen.type().label().toLowerCase(Locale.ROOT)));
      } else if (CoverageRules.calCovers(cal.version(), version)) {
        lines.add(
            line(
                versionRule,
                "%s held: %d %s count (%s >= %s)",
                label,
                cal.quantity(),
                cal.packName(),
                cal.version(),
                version));
      } else {
        lines.add(
            line(
                versionRule,
                "%s held: %d %s do not count: version %s does not cover %s",
                label,
                cal.quantity(),
                cal.packName(),
                cal.version(),
                version));
      }
    }
  }

  /** The count line: required, covered, shortfall, and any surplus. */
  private static String verdict(CalKind kind, Option chosen, ServerVersion version) {
    String surplus =
        chosen.held() > chosen.required()
            ? " (" + (chosen.held() - chosen.required()) + " more held than needed)"
            : "";
    return String.format(
        Locale.ROOT,
        "%s: %d %s %ss of %s or later required, %d covered, shortfall %d%s",
        kind.label(),
        chosen.required(),
        chosen.type().label(),
        kind.label(),
        version,
        chosen.covered(),
        chosen.shortfall(),
        surplus);
  }

  private static String describeChoice(
      CalKind kind, AccessCounts counts, List<Option> options, Option chosen) {
    String reach = kind == CalKind.SERVER ? "Windows Server services" : "Remote Desktop Services";
    if (options.size() == 1) {
      String other = chosen.type() == CalType.USER ? "devices" : "users";
      return String.format(
          "%d %ss reach %s (%s: 0, not counted) -> licensed by %s",
          chosen.required(),
          chosen.type().label().toLowerCase(Locale.ROOT),
          reach,
          other,
          chosen.type().label().toLowerCase(Locale.ROOT));
    }
    List<String> each =
        options.stream()
            .map(
                option ->
                    String.format(
                        "by %s %d required, %d held -> %d short",
                        option.type().label().toLowerCase(Locale.ROOT),
                        option.required(),
                        option.held(),
                        option.shortfall()))
            .toList();
    return String.format(
        "%d users and %d devices reach %s; %s -> licensed by %s (smaller shortfall)",
        counts.users(),
        counts.devices(),
        reach,
        String.join("; ", each),
        chosen.type().label().toLowerCase(Locale.ROOT));
  }

  private static ReportLine line(Rule rule, String format, Object... args) {
    return new ReportLine(rule, String.format(format, args));
  }
}
