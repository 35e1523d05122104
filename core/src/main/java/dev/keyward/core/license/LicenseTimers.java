package dev.keyward.core.license;

import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.GracePolicy;
import dev.keyward.core.catalog.Product;
import java.time.Duration;
import java.util.Objects;

/**
 * The timers of SPEC §5, catalog settings of a product.
 *
 * @param initialGrace the grace after a fresh install or an edition conversion, before activation
 * @param additionalGraceVolume the grace after a volume activation is lost (expired or out of
 *     tolerance)
 * @param additionalGraceRetail the grace after a non-volume activation (retail, OEM, multiple
 *     activation key) is lost
 * @param nonGenuineGrace the grace after the store or a certificate failed its integrity check
 * @param evaluationPeriod how long an evaluation edition runs; each rearm restarts it. A catalog
 *     with several evaluation editions of different lengths uses {@link #withEvaluationPeriod}
 * @param rearmLimit how many rearms an installation may use
 * @param clockTolerance how far the clock may be behind the trusted-time anchor before the status
 *     reports it as set back. Timers are always evaluated at the later of the clock and the anchor,
 *     so the tolerance only decides what is reported, never how much time is left
 * @param evaluationShutdownInterval how often an expired evaluation shuts the system down
 */
public record LicenseTimers(
    Duration initialGrace,
    Duration additionalGraceVolume,
    Duration additionalGraceRetail,
    Duration nonGenuineGrace,
    Duration evaluationPeriod,
    int rearmLimit,
    Duration clockTolerance,
    Duration evaluationShutdownInterval) {

  public LicenseTimers {
    positive(initialGrace, "initialGrace");
    positive(additionalGraceVolume, "additionalGraceVolume");
    positive(additionalGraceRetail, "additionalGraceRetail");
    positive(nonGenuineGrace, "nonGenuineGrace");
    positive(evaluationPeriod, "evaluationPeriod");
    positive(evaluationShutdownInterval, "evaluationShutdownInterval");
    Objects.requireNonNull(clockTolerance, "clockTolerance");
    if (clockTolerance.isNegative()) {
      throw new IllegalArgumentException("clockTolerance must not be negative: " + clockTolerance);
    }
    if (rearmLimit < 0) {
      throw new IllegalArgumentException("rearmLimit must not be negative: " + rearmLimit);
    }
  }

  /**
   * The built-in {@code winserver} catalog's timers: 10 days initial grace, 30 days additional
   * grace for volume and 3 days for other channels, 30 days non-genuine grace, 180 days evaluation,
   * 5 rearms, 1 hour clock tolerance, shutdown every 60 minutes once an evaluation has expired.
   *
   * <p>The clock tolerance of one hour is far above what NTP steps or a restored VM snapshot move a
   * clock by, and far below the days a set-back clock would have to gain to matter.
   */
  public static LicenseTimers winserver() {
    return new LicenseTimers(
        Duration.ofDays(10),
        Duration.ofDays(30),
        Duration.ofDays(3),
        Duration.ofDays(30),
        Duration.ofDays(180),
        5,
        Duration.ofHours(1),
        Duration.ofMinutes(60));
  }

  /**
   * The timers a product's catalog sets for one of its editions: grace periods and rearm limit from
   * the product's {@code grace} section, the evaluation period from the edition (editions that are
   * not evaluations keep the default, which they never use).
   */
  public static LicenseTimers of(Product product, Edition edition) {
    GracePolicy grace = product.grace();
    LicenseTimers defaults = winserver();
    return new LicenseTimers(
        grace.initial(),
        grace.additionalVolume(),
        grace.additionalOther(),
        grace.nonGenuine(),
        edition.isEvaluation()
            ? Duration.ofDays(edition.evaluationDays())
            : defaults.evaluationPeriod(),
        grace.rearmLimit(),
        defaults.clockTolerance(),
        defaults.evaluationShutdownInterval());
  }

  /** The additional grace for an activation of this kind. */
  public Duration additionalGrace(boolean volume) {
    return volume ? additionalGraceVolume : additionalGraceRetail;
  }

  /** These timers with another evaluation period (the catalog's per-edition {@code evaluation}). */
  public LicenseTimers withEvaluationPeriod(Duration period) {
    return new LicenseTimers(
        initialGrace,
        additionalGraceVolume,
        additionalGraceRetail,
        nonGenuineGrace,
        period,
        rearmLimit,
        clockTolerance,
        evaluationShutdownInterval);
  }

  /** These timers with another rearm limit. */
  public LicenseTimers withRearmLimit(int limit) {
    return new LicenseTimers(
        initialGrace,
        additionalGraceVolume,
        additionalGraceRetail,
        nonGenuineGrace,
        evaluationPeriod,
        limit,
        clockTolerance,
        evaluationShutdownInterval);
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
