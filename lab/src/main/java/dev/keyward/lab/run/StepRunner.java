package dev.keyward.lab.run;

import dev.keyward.lab.scenario.Step;

/**
 * Hands each step to the executor of its kind, reports a pending step without running it, and turns
 * what an executor throws into a failed step, so that the later steps still run.
 */
final class StepRunner {
  private final LabSession lab;
  private final RunExecutor run;
  private final SupportExecutor support;
  private final PhoneExecutor phone;
  private final AdvanceExecutor advance;
  private final MigrateExecutor migrate;
  private final CloneExecutor clone;
  private final GeneralizeExecutor generalize;
  private final HardwareExecutor hardware;
  private final NetworkExecutor network;
  private final ClockExecutor clockSkew;
  private final FollowExecutor follow;
  private final TamperExecutor tamper;
  private final MigrateHostExecutor migrateHost;

  StepRunner(LabSession lab) {
    this.lab = lab;
    this.run = new RunExecutor(lab);
    this.support = new SupportExecutor(lab);
    this.phone = new PhoneExecutor(lab, support);
    this.advance = new AdvanceExecutor(lab);
    this.migrate = new MigrateExecutor(lab);
    this.migrateHost = new MigrateHostExecutor(lab);
    this.clone = new CloneExecutor(lab);
    this.generalize = new GeneralizeExecutor(lab);
    this.hardware = new HardwareExecutor(lab);
    this.network = new NetworkExecutor(lab);
    this.clockSkew = new ClockExecutor(lab);
    this.follow = new FollowExecutor(lab);
    this.tamper = new TamperExecutor(lab);
  }

  StepResult step(Step step) {
    return switch (step) {
      case Step.Run r -> perform(r, run);
      case Step.Support s -> perform(s, support);
      case Step.Phone p -> perform(p, phone);
      case Step.Advance a -> perform(a, advance);
      case Step.Migrate m -> perform(m, migrate);
      case Step.MigrateHost m -> perform(m, migrateHost);
      case Step.Clone c -> perform(c, clone);
      case Step.Generalize g -> perform(g, generalize);
      case Step.Hardware h -> perform(h, hardware);
      case Step.Network n -> perform(n, network);
      case Step.Clock c -> perform(c, clockSkew);
      case Step.Follow f -> perform(f, follow);
      case Step.Tamper t -> perform(t, tamper);
    };
  }

  private <S extends Step> StepResult perform(S step, StepExecutor<S> executor) {
    String title = executor.title(step);
    if (step.pending().isPresent()) {
      String why = step.pending().get();
      lab.transcript.pending(lab.file(), step.line(), title, why);
      return new StepResult(
          step.line(), title, StepResult.Status.PENDING, java.util.List.of(), why);
    }
    try {
      return executor.execute(step, title);
    } catch (RuntimeException e) {
      String why = Transcript.message(e);
      lab.transcript.say("   [FAIL] " + lab.file() + ":" + step.line() + ": " + why);
      return StepResult.failed(step.line(), title, why);
    }
  }
}
