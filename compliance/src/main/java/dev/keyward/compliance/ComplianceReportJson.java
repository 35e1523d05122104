package dev.keyward.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable JSON form of a compliance report (`keyward compliance report FILE --json`, SPEC §13):
 * {@code compliant}, {@code hosts[].requiredCoreLicenses}, {@code hosts[].coveredCoreLicenses},
 * {@code cal.required}, {@code cal.covered}, {@code cal.shortfall}, {@code purchase[]} and, beside
 * them, every line with its rule.
 */
public final class ComplianceReportJson {
  private ComplianceReportJson() {}

  public static Map<String, Object> toJson(ComplianceReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("compliant", report.compliant());
    List<Object> hosts = new ArrayList<>();
    for (HostCompliance h : report.hosts()) {
      Map<String, Object> host = new LinkedHashMap<>();
      host.put("name", h.name());
      host.put("edition", h.edition().id());
      host.put("version", h.version().toString());
      host.put("licensedAs", h.licensedAs().id());
      host.put("requiredCoreLicenses", h.requiredCoreLicenses());
      host.put("coveredCoreLicenses", h.coveredCoreLicenses());
      host.put("shortfall", h.shortfall());
      List<Object> assignments = new ArrayList<>();
      for (CoreAssignment a : h.assignments()) {
        assignments.add(
            Map.of(
                "edition", a.edition().id(),
                "version", a.version().toString(),
                "licenses", a.licenses()));
      }
      host.put("assignments", assignments);
      hosts.add(host);
    }
    json.put("hosts", hosts);
    json.put("cal", cal(report.cal()));
    json.put("rds", cal(report.rds()));
    List<Object> breaches = new ArrayList<>();
    for (LimitBreach b : report.breaches()) {
      breaches.add(
          Map.of(
              "host", b.host(), "limit", b.limit(), "allowed", b.allowed(), "actual", b.actual()));
    }
    json.put("breaches", breaches);
    List<Object> purchase = new ArrayList<>();
    for (Purchase p : report.purchase()) {
      purchase.add(Map.of("pack", p.pack(), "quantity", p.quantity()));
    }
    json.put("purchase", purchase);
    List<Object> lines = new ArrayList<>();
    for (ReportLine line : report.lines()) {
      lines.add(
          Map.of(
              "rule", line.rule().name(),
              "statement", line.rule().statement(),
              "text", line.text()));
    }
    json.put("lines", lines);
    return json;
  }

  private static Map<String, Object> cal(CalCompliance cal) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", cal.type().map(CalType::name).map(String::toLowerCase).orElse(null));
    json.put("version", cal.version().map(ServerVersion::toString).orElse(null));
    json.put("required", cal.required());
    json.put("covered", cal.covered());
    json.put("shortfall", cal.shortfall());
    return json;
  }
}
