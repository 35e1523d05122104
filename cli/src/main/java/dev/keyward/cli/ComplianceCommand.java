package dev.keyward.cli;

import dev.keyward.client.KeywardException;
import dev.keyward.compliance.ComplianceInput;
import dev.keyward.compliance.ComplianceReport;
import dev.keyward.compliance.ComplianceReportHtml;
import dev.keyward.compliance.ComplianceReportJson;
import dev.keyward.compliance.ComplianceReporter;
import dev.keyward.compliance.ParseOutcome;
import dev.keyward.compliance.ReportLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward compliance report FILE [--json] [--html OUT]} (SPEC §13). */
@Command(
    name = "compliance",
    description = "Core and CAL compliance reports.",
    subcommands = {ComplianceCommand.Report.class})
final class ComplianceCommand {
  @ParentCommand KeywardCommand root;

  @Command(
      name = "report",
      description =
          "What an inventory requires, what its entitlements cover, the shortfall and the"
              + " cheapest packs that close it, each line with the rule behind it.")
  static final class Report implements Callable<Integer> {
    @ParentCommand ComplianceCommand parent;

    @Parameters(paramLabel = "FILE", description = "Inventory and entitlements (YAML).")
    Path file;

    @Option(names = "--html", paramLabel = "OUT", description = "Also write a self-contained page.")
    Path html;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      KeywardCommand root = parent.root;
      if (json) {
        root.json = true;
      }
      Path input = root.ctx.workingDirectory().resolve(file);
      String text = LocalFiles.readText("The compliance inventory", input);
      ComplianceReport report =
          switch (ComplianceInput.parse(text, file.toString())) {
            case ParseOutcome.Accepted accepted -> ComplianceReporter.report(accepted.input());
            case ParseOutcome.Rejected rejected -> throw new KeywardException(rejected.failure());
          };
      if (html != null) {
        Path out = root.ctx.workingDirectory().resolve(html);
        try {
          Files.writeString(
              out, ComplianceReportHtml.render(report, file.getFileName().toString()));
        } catch (IOException e) {
          throw LocalFiles.notWritten("The HTML report", out, e);
        }
      }
      if (root.json) {
        Map<String, Object> object = ComplianceReportJson.toJson(report);
        if (html != null) {
          object.put("html", html.toString());
        }
        root.printer().object(object);
      } else {
        text(report, root.ctx.out());
        if (html != null) {
          root.ctx.out().println("HTML report written to " + html + ".");
        }
      }
      // A report that finds a shortfall is still a successful report: scripts read `compliant`.
      return KeywardCli.OK;
    }

    private static void text(ComplianceReport report, PrintStream out) {
      out.println(report.compliant() ? "COMPLIANT" : "NOT COMPLIANT");
      out.println();
      out.println("Host                 Required  Covered  Shortfall");
      report
          .hosts()
          .forEach(
              h ->
                  out.printf(
                      "%-20s %8d %8d %10d%n",
                      h.name(), h.requiredCoreLicenses(), h.coveredCoreLicenses(), h.shortfall()));
      for (var cal : java.util.List.of(report.cal(), report.rds())) {
        if (cal.required() > 0 || cal.covered() > 0) {
          out.printf(
              "%-20s %8d %8d %10d%n",
              cal.kind().label()
                  + cal.type().map(t -> " " + t.label()).orElse("")
                  + cal.version().map(v -> " " + v).orElse(""),
              cal.required(),
              cal.covered(),
              cal.shortfall());
        }
      }
      out.println();
      if (report.purchase().isEmpty()) {
        out.println("To buy: nothing.");
      } else {
        out.println("To buy:");
        report.purchase().forEach(p -> out.println("  " + p.quantity() + " x " + p.pack()));
      }
      out.println();
      out.println("How each number was reached:");
      for (ReportLine line : report.lines()) {
        out.println("  - " + line.text());
        out.println("    rule: " + line.rule().statement());
      }
    }
  }
}
