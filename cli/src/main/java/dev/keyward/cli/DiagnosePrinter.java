package dev.keyward.cli;

import dev.keyward.client.Diagnostics;
import dev.keyward.core.diagnose.DirectoryFacts;
import dev.keyward.core.diagnose.Facts;
import dev.keyward.core.diagnose.Finding;
import dev.keyward.core.diagnose.HardwareDrift;
import dev.keyward.core.diagnose.LastFailure;
import dev.keyward.core.diagnose.ProductFacts;
import dev.keyward.core.diagnose.Reachability;
import dev.keyward.core.diagnose.VolumeFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code keyward diagnose}'s answer: findings then facts, in text or as the {@code --json} object
 * of docs/cli.md. The general remedies are the catalogue's ({@code remedies}), the same list {@code
 * keyward explain CODE} shows.
 */
final class DiagnosePrinter {
  private final Diagnostics.Report report;

  DiagnosePrinter(Diagnostics.Report report) {
    this.report = report;
  }

  Map<String, Object> json() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ok", true);
    o.put("readOnly", true);
    o.put("problemFound", !report.findings().isEmpty());
    List<Object> findings = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("severity", f.severity().displayName());
      m.put("code", f.code().hex());
      m.put("name", f.code().symbolicName());
      m.put("summary", f.summary());
      m.put("seed", f.seed());
      m.put("facts", f.facts());
      m.put("commands", f.commands());
      m.put("orElse", f.orElse());
      m.put("remedies", f.code().remedies());
      findings.add(m);
    }
    o.put("findings", findings);
    o.put("facts", facts(report.facts()));
    return o;
  }

  String text() {
    StringBuilder b = new StringBuilder();
    List<Finding> findings = report.findings();
    if (findings.isEmpty()) {
      b.append("No problem found.\n");
    }
    int n = 0;
    for (Finding f : findings) {
      n++;
      b.append("Finding ").append(n).append(" of ").append(findings.size());
      b.append(" [").append(f.severity().displayName()).append("] ");
      b.append(f.code().hex()).append(' ').append(f.code().symbolicName()).append('\n');
      b.append("  ").append(f.summary()).append('\n');
      b.append("  Why:\n");
      f.facts().forEach(x -> b.append("    - ").append(x).append('\n'));
      b.append("  Fix:\n");
      f.commands().forEach(c -> b.append("    ").append(c).append('\n'));
      if (!f.orElse().isEmpty()) {
        b.append("  Or else:\n");
        f.orElse().forEach(c -> b.append("    ").append(c).append('\n'));
      }
      b.append("  (keyward explain ").append(f.code().hex()).append(": the general remedies)\n\n");
    }
    b.append("Facts:\n");
    facts(report.facts()).forEach((k, v) -> line(b, "  ", k, v));
    b.append("diagnose is read-only: nothing was changed.\n");
    return b.toString();
  }

  private static void line(StringBuilder b, String indent, String key, Object value) {
    if (value instanceof Map<?, ?> m) {
      b.append(indent).append(key).append(":\n");
      m.forEach((k, v) -> line(b, indent + "  ", String.valueOf(k), v));
    } else if (value instanceof List<?> list
        && !list.isEmpty()
        && list.get(0) instanceof Map<?, ?>) {
      b.append(indent).append(key).append(":\n");
      list.forEach(item -> line(b, indent + "  ", "-", item));
    } else {
      b.append(indent).append(key).append(": ").append(value == null ? "-" : value).append('\n');
    }
  }

  static Map<String, Object> facts(Facts f) {
    Map<String, Object> o = new LinkedHashMap<>();
    ProductFacts p = f.product();
    o.put("product", p.product());
    o.put("productName", p.productName());
    o.put("version", p.version());
    o.put("edition", p.edition());
    o.put("evaluation", p.evaluation());
    o.put("evaluationEndDate", p.evaluationEnd().map(Object::toString).orElse(null));
    o.put("rearmRemaining", p.rearmsLeft());
    o.put("channel", p.channel().orElse(null));
    o.put("partialProductKey", p.partialKey().orElse(null));
    o.put("licenseStatus", p.state());
    o.put("reason", p.reason().map(r -> r.hex()).orElse(null));
    o.put("remainingMinutes", p.remainingMinutes().orElse(null));
    o.put("pendingEdition", p.pendingEdition().orElse(null));
    o.put("targetEditions", p.conversionTargets());
    o.put("hardware", f.hardware().map(DiagnosePrinter::hardware).orElse(null));
    Map<String, Object> time = new LinkedHashMap<>();
    time.put("system", f.time().system().toString());
    time.put("trusted", f.time().trusted().toString());
    time.put("behindMinutes", f.time().behind().toMinutes());
    time.put("toleranceMinutes", f.time().tolerance().toMinutes());
    time.put("setBack", f.time().setBack());
    o.put("time", time);
    o.put("authority", f.authority().map(DiagnosePrinter::reach).orElse(null));
    o.put("volume", f.volume().map(DiagnosePrinter::volume).orElse(null));
    o.put("lastFailure", f.lastFailure().map(DiagnosePrinter::failure).orElse(null));
    o.put("storeProblem", f.storeProblem().orElse(null));
    o.put("directory", directory(f.directory()));
    return o;
  }

  private static Map<String, Object> directory(DirectoryFacts d) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("joined", d.joined());
    o.put("directory", d.directory().orElse(null));
    o.put("server", d.server().map(DiagnosePrinter::reach).orElse(null));
    o.put("objectName", d.objectName().orElse(null));
    o.put("objectDn", d.objectDn().orElse(null));
    o.put("objectExpires", d.objectExpires().map(Object::toString).orElse(null));
    o.put("lastResult", d.lastResult().orElse(null));
    return o;
  }

  private static Map<String, Object> hardware(HardwareDrift d) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("changed", d.changed());
    o.put("score", d.score());
    o.put("limit", d.limit());
    o.put("margin", d.margin());
    o.put("outOfTolerance", d.outOfTolerance());
    o.put("scoreKeepingUuidAndSerial", d.scoreKeepingUuidAndSerial());
    return o;
  }

  private static Map<String, Object> reach(Reachability r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("address", r.address());
    o.put("reachable", r.reachable());
    o.put("detail", r.detail().orElse(null));
    return o;
  }

  private static Map<String, Object> volume(VolumeFacts v) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("registeredHost", v.registeredHost().orElse(null));
    o.put("domain", v.domain().orElse(null));
    o.put("srvName", v.srvName().orElse(null));
    Map<String, Object> srv = new LinkedHashMap<>();
    switch (v.srv()) {
      case VolumeFacts.SrvAnswer.Found found -> {
        srv.put("result", "found");
        srv.put("targets", found.targets());
      }
      case VolumeFacts.SrvAnswer.NoRecord none -> {
        srv.put("result", "no record");
        srv.put("detail", none.detail());
      }
      case VolumeFacts.SrvAnswer.Failed failed -> {
        srv.put("result", "failed");
        srv.put("detail", failed.detail());
      }
      case VolumeFacts.SrvAnswer.NotAsked why -> {
        srv.put("result", "not asked");
        srv.put("detail", why.why());
      }
    }
    o.put("srv", srv);
    o.put("hosts", v.hosts().stream().map(DiagnosePrinter::reach).toList());
    o.put("lastCount", v.lastCount().orElse(null));
    o.put("lastResult", v.lastResult().map(r -> r.hex()).orElse(null));
    o.put("threshold", v.threshold());
    return o;
  }

  private static Map<String, Object> failure(LastFailure l) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("operation", l.operation());
    o.put("code", l.code().hex());
    o.put("at", l.at().toString());
    o.put("partialProductKey", l.keyPartial().orElse(null));
    o.put("keyVersion", l.keyVersion().orElse(null));
    o.put("keyEdition", l.keyEdition().orElse(null));
    o.put("keyChannel", l.keyChannel().orElse(null));
    return o;
  }
}
