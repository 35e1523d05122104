package dev.keyward.compliance;

import java.util.Objects;

/** One line of evidence: the rule that produced it and the text with the numbers it used. */
public record ReportLine(Rule rule, String text) {
  public ReportLine {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return text + " [" + rule.statement() + "]";
  }
}
