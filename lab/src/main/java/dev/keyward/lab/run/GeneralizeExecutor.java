package dev.keyward.lab.run;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.LicenseInfo;
import dev.keyward.client.VendorTrust;
import dev.keyward.lab.scenario.Step;
import java.net.URI;

/** {@code {generalize: M}}: a new client machine ID in M's store, as generalising an image does. */
final class GeneralizeExecutor implements StepExecutor<Step.Generalize> {
  private final LabSession lab;

  GeneralizeExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Generalize g) {
    return "generalize " + g.machine();
  }

  @Override
  public StepResult execute(Step.Generalize step, String title) {
    LabMachine m = lab.machine(step.machine());
    LicenseInfo info =
        KeywardClient.builder()
            .store(m.store)
            .machine(() -> m.facts)
            .authority(URI.create(lab.url(m)))
            .trust(VendorTrust.read(lab.authority.trustFile()))
            .clock(lab.clock)
            .build()
            .generalize();
    lab.transcript.note(title + ": new client machine ID " + info.cmid());
    return StepResult.passed(step.line(), title);
  }
}
