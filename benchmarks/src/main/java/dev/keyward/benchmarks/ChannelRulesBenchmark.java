package dev.keyward.benchmarks;

import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.channel.ActivationRequest;
import dev.keyward.core.channel.ChannelDecision;
import dev.keyward.core.channel.ChannelRules;
import dev.keyward.core.channel.Installation;
import dev.keyward.core.channel.KeyStanding;
import dev.keyward.core.channel.PriorActivation;
import dev.keyward.core.hardware.HardwareIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ChannelRules#decide} with a realistic prior list: a multiple activation key (pool 500)
 * that already holds {@code priors} activations, one in ten of them released by its machine (still
 * holding its count), asked by a new machine (a grant: every prior is compared) and by a machine
 * already active after a small hardware change (a reissue); and a retail key released once and
 * asked by a new machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChannelRulesBenchmark {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Param({"5", "50", "400"})
  public int priors;

  private KeyGroup mak;
  private KeyGroup retail;
  private KeyStanding makStanding;
  private List<PriorActivation> makPrior;
  private List<PriorActivation> retailPrior;
  private ActivationRequest newMachine;
  private ActivationRequest knownMachine;

  @Setup
  public void setup() {
    SplittableRandom random = new SplittableRandom(11);
    mak = Fixtures.group(2013);
    retail = Fixtures.group(2011);
    makPrior = new ArrayList<>();
    HardwareIdentity known = null;
    for (int i = 0; i < priors; i++) {
      HardwareIdentity m = Fixtures.machine(random);
      boolean active = i % 10 != 9;
      makPrior.add(new PriorActivation("act-" + i, m, active, NOW.minusSeconds(86_400L - i), true));
      if (active) {
        known = m;
      }
    }
    makStanding = new KeyStanding(false, 500, priors);
    retailPrior =
        List.of(
            new PriorActivation(
                "act-r", Fixtures.machine(random), false, NOW.minusSeconds(86_400), false));
    newMachine = request(Fixtures.machine(random));
    knownMachine = request(Fixtures.changed(known, 1, random));
    if (!(decideMak(newMachine) instanceof ChannelDecision.Grant)
        || !(decideMak(knownMachine) instanceof ChannelDecision.Reissue)) {
      throw new IllegalStateException("the fixture does not decide as intended");
    }
  }

  private static ActivationRequest request(HardwareIdentity machine) {
    return new ActivationRequest(
        new Installation("winserver", "2022", "ServerStandard"),
        machine,
        Optional.empty(),
        false,
        NOW);
  }

  private ChannelDecision decideMak(ActivationRequest request) {
    return ChannelRules.decide(Fixtures.PRODUCT, mak, makStanding, makPrior, request, NOW, false);
  }

  @Benchmark
  public ChannelDecision makNewMachine() {
    return decideMak(newMachine);
  }

  @Benchmark
  public ChannelDecision makKnownMachine() {
    return decideMak(knownMachine);
  }

  @Benchmark
  public ChannelDecision retailTransfer() {
    return ChannelRules.decide(
        Fixtures.PRODUCT, retail, KeyStanding.unblocked(), retailPrior, newMachine, NOW, false);
  }
}
