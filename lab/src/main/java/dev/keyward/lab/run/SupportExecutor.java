package dev.keyward.lab.run;

import dev.keyward.client.KeywardException;
import dev.keyward.lab.run.Checks.Outcome;
import dev.keyward.lab.scenario.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code {support: ACTION, key: K, reason: "…"}}: a support action through the authority's admin
 * API, actor {@code lab}, the reason recorded in the audit log. A downgrade names the key it issues
 * ({@code as:}) for the later steps.
 */
final class SupportExecutor implements StepExecutor<Step.Support> {
  private final LabSession lab;

  SupportExecutor(LabSession lab) {
    this.lab = lab;
  }

  @Override
  public String title(Step.Support s) {
    return "support> "
        + s.action()
        + " "
        + s.key()
        + (s.by() > 0 ? " by " + s.by() : "")
        + s.version().map(v -> " to " + v).orElse("")
        + s.as().map(a -> " as " + a).orElse("")
        + " (reason: "
        + s.reason()
        + ")";
  }

  @Override
  public StepResult execute(Step.Support s, String title) {
    String key =
        Optional.ofNullable(lab.keys.get(s.key()))
            .orElseThrow(() -> new IllegalArgumentException("no key named '" + s.key() + "'"));
    String path = "/v1/admin/keys/" + LabAuthority.keyPath(key) + "/";
    Map<String, Object> body = new LinkedHashMap<>();
    switch (s.action()) {
      case "release", "block", "unblock" -> path += s.action();
      case "extend" -> {
        path += "extend";
        body.put("by", s.by());
      }
      case "downgrade" -> {
        path += "downgrade";
        body.put("version", s.version().orElseThrow());
      }
      default -> throw new IllegalArgumentException("unknown support action " + s.action());
    }
    body.put("reason", s.reason());
    lab.transcript.command(title);
    Outcome outcome;
    try {
      Map<String, Object> answer = lab.authority.post(path, body);
      if (s.action().equals("downgrade") && answer.get("key") instanceof String issued) {
        lab.keys.put(s.as().orElseThrow(), issued);
      }
      String shown = Transcript.summary(answer);
      lab.transcript.print(shown);
      outcome = new Outcome(0, Optional.empty(), "", answer, shown);
    } catch (KeywardException e) {
      outcome = refused(e);
    }
    return lab.verdict(
        s.line(), title, Checks.check(RunExecutor.expected(s.expect(), lab.keys), outcome));
  }

  /** The authority's refusal, as the console would show it. */
  Outcome refused(KeywardException e) {
    String shown =
        "Error: " + e.code().hex() + " " + e.code().symbolicName() + "\n" + e.failure().message();
    lab.transcript.print(shown);
    return new Outcome(1, Optional.of(e.code().hex()), e.failure().message(), null, shown);
  }
}
