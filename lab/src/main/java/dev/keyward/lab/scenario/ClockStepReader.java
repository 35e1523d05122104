package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.time.DurationText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** {@code {clock: M, skew: 5h}} ({@code -5h} behind, {@code 0s} right again). */
final class ClockStepReader implements StepReader {
  private final StepFields fields;

  ClockStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "clock";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("clock", "skew", "pending"));
    Optional<String> machine = fields.machine(m, path, "clock");
    Optional<Duration> skew =
        fields.src.requiredString(m, path, "skew").flatMap(t -> skew(m, join(path, "skew"), t));
    return machine.flatMap(mm -> skew.map(s -> new Step.Clock(line, mm, s, pending)));
  }

  private Optional<Duration> skew(MappingNode m, String field, String text) {
    String t = text.strip();
    boolean behind = t.startsWith("-");
    String magnitude = t.replaceFirst("^[+-]", "");
    Optional<Duration> d =
        magnitude.matches("0+[dhms]?")
            ? Optional.of(Duration.ZERO)
            : DurationText.parse(magnitude).filter(x -> !x.isNegative());
    if (d.isEmpty()) {
      fields.src.problem(
          m, field, "'" + text + "' is not a clock skew (write e.g. 5h, -5h, 30m, 0s)");
    }
    return d.map(x -> behind ? x.negated() : x);
  }
}
