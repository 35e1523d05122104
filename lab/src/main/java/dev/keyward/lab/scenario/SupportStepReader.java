package dev.keyward.lab.scenario;

import static dev.keyward.core.yaml.YamlSource.join;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * {@code {support: ACTION, key: K, reason: "…"}}: an authority support action; {@code extend} wants
 * {@code by:}, {@code downgrade} wants {@code version:} and {@code as:} (the new key's name).
 * {@code {support: phone, on: M}} names a machine instead of a key: the activation centre confirms
 * M's installation ID ({@code reason:} optional there, the audit log gets a default).
 */
final class SupportStepReader implements StepReader {
  private static final List<String> ACTIONS =
      List.of("release", "extend", "block", "unblock", "downgrade", "phone");

  private final StepFields fields;

  SupportStepReader(StepFields fields) {
    this.fields = fields;
  }

  @Override
  public String field() {
    return "support";
  }

  @Override
  public Optional<Step> read(MappingNode m, String path, int line, Optional<String> pending) {
    var src = fields.src;
    if (src.optionalString(m, path, "support").filter("phone"::equals).isPresent()) {
      return phone(m, path, line, pending);
    }
    src.rejectUnknown(
        m, path, List.of("support", "key", "by", "version", "as", "reason", "expect", "pending"));
    Optional<String> action =
        src.requiredValue(
            m,
            path,
            "support",
            a -> ACTIONS.contains(a) ? Optional.of(a) : Optional.empty(),
            a -> "unknown support action '" + a + "' (" + String.join(", ", ACTIONS) + ")");
    Optional<String> key = src.requiredString(m, path, "key");
    key.ifPresent(k -> fields.checkKeyName(m, join(path, "key"), k));
    int by = src.optionalInteger(m, path, "by", 1, 1_000_000).orElse(0);
    if (action.filter("extend"::equals).isPresent() && by == 0) {
      src.problem(m, join(path, "by"), "extend needs by: N (how many activations to add)");
    }
    Optional<String> version = src.optionalString(m, path, "version");
    Optional<String> as = src.optionalString(m, path, "as");
    checkDowngrade(m, path, action.filter("downgrade"::equals).isPresent(), version, as);
    String reason = src.requiredString(m, path, "reason").orElse("");
    Expectation expect = fields.expectation(m, path);
    return action.flatMap(
        a -> key.map(k -> new Step.Support(line, a, k, by, version, as, reason, expect, pending)));
  }

  private Optional<Step> phone(MappingNode m, String path, int line, Optional<String> pending) {
    fields.src.rejectUnknown(m, path, List.of("support", "on", "reason", "expect", "pending"));
    Optional<String> machine = fields.machine(m, path, "on");
    Optional<String> reason = fields.src.optionalString(m, path, "reason");
    Expectation expect = fields.expectation(m, path);
    return machine.map(
        mm ->
            new Step.Phone(
                line, mm, reason.orElse("phone activation of " + mm + " (lab)"), expect, pending));
  }

  private void checkDowngrade(
      MappingNode m,
      String path,
      boolean downgrade,
      Optional<String> version,
      Optional<String> as) {
    var src = fields.src;
    if (downgrade && version.isEmpty()) {
      src.problem(m, join(path, "version"), "downgrade needs version: V (an earlier version)");
    }
    if (downgrade && as.isEmpty()) {
      src.problem(
          m, join(path, "as"), "downgrade needs as: NAME (how later steps name the new key)");
    }
    if (!downgrade && (version.isPresent() || as.isPresent())) {
      src.problem(m, path, "version and as go with support: downgrade only");
    }
    as.ifPresent(
        name -> {
          if (!fields.addKey(name)) {
            src.problem(m, join(path, "as"), "a key named '" + name + "' already exists");
          }
        });
  }
}
