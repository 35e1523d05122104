package dev.keyward.lab.run;

import dev.keyward.lab.scenario.Step;

/**
 * Runs one kind of step on a lab run. The {@link StepRunner} asks for the title first (the
 * transcript and the results name the step with it, pending or not), then runs the step unless it
 * is pending; an exception thrown here fails the step with its message, and the scenario goes on.
 */
interface StepExecutor<S extends Step> {
  /** The step as the transcript shows it, e.g. {@code srv1> slmgr /ato}. */
  String title(S step);

  StepResult execute(S step, String title);
}
