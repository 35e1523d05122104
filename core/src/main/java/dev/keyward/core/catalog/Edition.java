package dev.keyward.core.catalog;

import java.util.List;

/**
 * An edition of a product, e.g. {@code ServerStandard}.
 *
 * @param id the edition id users type ({@code dism /Set-Edition:ID})
 * @param tier the commercial tier (Standard, Datacenter, Essentials…), used by compliance
 * @param installType desktop or core
 * @param evaluationDays length of the evaluation; 0 when this is not an evaluation edition
 * @param targets editions this one may be converted to, given a key of the target
 */
public record Edition(
    String id, String tier, InstallType installType, int evaluationDays, List<String> targets) {
  public Edition {
    targets = List.copyOf(targets);
  }

  public boolean isEvaluation() {
    return evaluationDays > 0;
  }
}
