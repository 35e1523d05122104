package dev.keyward.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * A compliance report as one self-contained HTML page (`--html OUT`): the tables an auditor reads
 * and a bar chart of required against covered, with no script, font or image fetched from anywhere,
 * so the file can be mailed or archived as it is.
 */
public final class ComplianceReportHtml {
  private static final int BAR_WIDTH = 420;
  private static final int ROW_HEIGHT = 34;

  private ComplianceReportHtml() {}

  /**
   * @param title shown as the page title, e.g. the inventory's file name
   */
  public static String render(ComplianceReport report, String title) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Keyward compliance report — ")
        .append(esc(title))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330}"
                + "table{border-collapse:collapse;margin:0 0 1.5rem}"
                + "th,td{border:1px solid #c8ccd4;padding:.3rem .6rem;text-align:left}"
                + "td.n{text-align:right}th{background:#eef0f4}"
                + ".ok{color:#1a7f37}.short{color:#b42318;font-weight:600}"
                + ".verdict{font-size:1.3rem}svg text{font-size:12px}\n")
        .append("</style>\n</head>\n<body>\n<h1>Compliance report — ")
        .append(esc(title))
        .append("</h1>\n");
    html.append("<p class=\"verdict ")
        .append(
            report.compliant()
                ? "ok\" id=\"verdict\">Compliant"
                : "short\" id=\"verdict\">Not compliant")
        .append("</p>\n");
    chart(report, html);
    hosts(report, html);
    cals(report, html);
    breaches(report, html);
    purchase(report, html);
    lines(report, html);
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private record Bar(String label, int required, int covered) {}

  private static void chart(ComplianceReport report, StringBuilder html) {
    List<Bar> bars = new ArrayList<>();
    report
        .hosts()
        .forEach(
            h ->
                bars.add(
                    new Bar(
                        h.name() + " cores", h.requiredCoreLicenses(), h.coveredCoreLicenses())));
    if (report.cal().required() > 0) {
      bars.add(new Bar("CALs", report.cal().required(), report.cal().covered()));
    }
    if (report.rds().required() > 0) {
      bars.add(new Bar("RDS CALs", report.rds().required(), report.rds().covered()));
    }
    int max = Math.max(1, bars.stream().mapToInt(Bar::required).max().orElse(1));
    int height = bars.size() * ROW_HEIGHT + 30;
    html.append("<h2>Required and covered</h2>\n<svg id=\"chart\" role=\"img\" width=\"")
        .append(BAR_WIDTH + 260)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-label=\"required and covered licences\">\n");
    int y = 10;
    for (Bar bar : bars) {
      int required = bar.required() * BAR_WIDTH / max;
      int covered = bar.covered() * BAR_WIDTH / max;
      html.append("<text x=\"0\" y=\"")
          .append(y + 14)
          .append("\">")
          .append(esc(bar.label()))
          .append("</text>\n");
      html.append("<rect x=\"150\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(required)
          .append("\" height=\"10\" fill=\"#c8ccd4\"><title>required ")
          .append(bar.required())
          .append("</title></rect>\n");
      html.append("<rect x=\"150\" y=\"")
          .append(y + 12)
          .append("\" width=\"")
          .append(covered)
          .append("\" height=\"10\" fill=\"")
          .append(bar.covered() >= bar.required() ? "#1a7f37" : "#b42318")
          .append("\"><title>covered ")
          .append(bar.covered())
          .append("</title></rect>\n");
      html.append("<text x=\"")
          .append(160 + BAR_WIDTH)
          .append("\" y=\"")
          .append(y + 14)
          .append("\">")
          .append(bar.covered())
          .append(" / ")
          .append(bar.required())
          .append("</text>\n");
      y += ROW_HEIGHT;
    }
    html.append("<text x=\"150\" y=\"")
        .append(y + 10)
        .append("\">grey: required · colour: covered</text>\n</svg>\n");
  }

  private static void hosts(ComplianceReport report, StringBuilder html) {
    html.append(
        "<h2>Core licences</h2>\n<table id=\"hosts\">\n<tr><th>Host</th><th>Edition</th><th>Version</th>"
            + "<th>Licensed as</th><th>Required</th><th>Covered</th><th>Shortfall</th><th>Covered by</th></tr>\n");
    for (HostCompliance h : report.hosts()) {
      html.append("<tr><td>")
          .append(esc(h.name()))
          .append("</td><td>")
          .append(esc(h.edition().id()))
          .append("</td><td>")
          .append(h.version())
          .append("</td><td>")
          .append(esc(h.licensedAs().id()))
          .append("</td>")
          .append(num(h.requiredCoreLicenses()))
          .append(num(h.coveredCoreLicenses()))
          .append(shortfall(h.shortfall()))
          .append("<td>")
          .append(
              esc(
                  String.join(
                      ", ", h.assignments().stream().map(CoreAssignment::toString).toList())))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void cals(ComplianceReport report, StringBuilder html) {
    html.append(
        "<h2>Client access licences</h2>\n<table id=\"cals\">\n<tr><th>Kind</th><th>Type</th>"
            + "<th>Version</th><th>Required</th><th>Covered</th><th>Shortfall</th></tr>\n");
    for (CalCompliance cal : List.of(report.cal(), report.rds())) {
      html.append("<tr><td>")
          .append(esc(cal.kind().label()))
          .append("</td><td>")
          .append(cal.type().map(CalType::label).orElse("—"))
          .append("</td><td>")
          .append(cal.version().map(ServerVersion::toString).orElse("—"))
          .append("</td>")
          .append(num(cal.required()))
          .append(num(cal.covered()))
          .append(shortfall(cal.shortfall()))
          .append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void breaches(ComplianceReport report, StringBuilder html) {
    if (report.breaches().isEmpty()) {
      return;
    }
    html.append(
        "<h2>Limits exceeded</h2>\n<table id=\"breaches\">\n<tr><th>Host</th><th>Limit</th>"
            + "<th>Allowed</th><th>Actual</th></tr>\n");
    for (LimitBreach b : report.breaches()) {
      html.append("<tr><td>")
          .append(esc(b.host()))
          .append("</td><td>")
          .append(esc(b.limit()))
          .append("</td>")
          .append(num(b.allowed()))
          .append(num(b.actual()))
          .append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void purchase(ComplianceReport report, StringBuilder html) {
    html.append("<h2>To buy</h2>\n");
    if (report.purchase().isEmpty()) {
      html.append("<p id=\"purchase\">Nothing to buy.</p>\n");
      return;
    }
    html.append("<table id=\"purchase\">\n<tr><th>Pack</th><th>Quantity</th></tr>\n");
    for (Purchase p : report.purchase()) {
      html.append("<tr><td>")
          .append(esc(p.pack()))
          .append("</td><td class=\"n\">")
          .append(p.quantity())
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void lines(ComplianceReport report, StringBuilder html) {
    html.append(
        "<h2>How each number was reached</h2>\n<table id=\"lines\">\n<tr><th>Rule</th><th>Line</th></tr>\n");
    for (ReportLine line : report.lines()) {
      html.append("<tr><td title=\"")
          .append(esc(line.rule().statement()))
          .append("\">")
          .append(esc(line.rule().statement()))
          .append("</td><td>")
          .append(esc(line.text()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String num(int n) {
    return "<td class=\"n\">" + n + "</td>";
  }

  private static String shortfall(int n) {
    return "<td class=\"n " + (n > 0 ? "short" : "ok") + "\">" + n + "</td>";
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
