package dev.keyward.core.diagnose;

import dev.keyward.core.error.ErrorCode;
import java.util.Optional;
import java.util.function.Function;

/**
 * One decision rule, as data: the catalogue code it explains, the seed situation it reproduces, and
 * the test on the facts that yields a finding when the situation is there.
 *
 * @param code the catalogue code of the situation
 * @param seed the seed article and situation ("seed 000: expired evaluation")
 * @param rule the finding, when the facts show the situation
 */
public record Check(ErrorCode code, String seed, Function<Facts, Optional<Finding>> rule) {
  public Optional<Finding> apply(Facts facts) {
    return rule.apply(facts);
  }
}
