package dev.keyward.lab.run;

import dev.keyward.client.KeywardException;
import dev.keyward.core.json.Json;
import dev.keyward.core.protocol.AdminPhoneRequest;
import dev.keyward.lab.run.Checks.Outcome;
import dev.keyward.lab.scenario.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code {support: phone, on: M, reason: "…"}}: the administrator of M reads its installation ID
 * out ({@code slmgr /dti} on M's console) and the activation centre confirms it, as {@code keyward
 * admin phone IID --reason …} does (the admin API's {@code POST /v1/admin/phone}, actor {@code
 * lab}, the same channel rules and counts as online). The confirmation ID is kept for M: the next
 * {@code slui 4} on M types it. A refusal (0xC004C008, 0xC004C020…) keeps nothing.
 */
final class PhoneExecutor implements StepExecutor<Step.Phone> {
  private final LabSession lab;
  private final SupportExecutor support;

  PhoneExecutor(LabSession lab, SupportExecutor support) {
    this.lab = lab;
    this.support = support;
  }

  @Override
  public String title(Step.Phone p) {
    return "support> phone " + p.machine() + " (reason: " + p.reason() + ")";
  }

  @Override
  public StepResult execute(Step.Phone step, String title) {
    LabMachine m = lab.machine(step.machine());
    lab.transcript.command(title);
    String iid = installationId(m);
    lab.transcript.print("Installation ID read out from " + m.name + ": " + iid);
    AdminPhoneRequest body =
        new AdminPhoneRequest(iid, step.reason(), Optional.empty(), m.facts.oemMarker(), false);
    Outcome outcome;
    try {
      Map<String, Object> answer = lab.authority.post("/v1/admin/phone", body.toMap());
      String cid = String.valueOf(answer.get("cid"));
      m.confirmationId = Optional.of(cid);
      String shown = "Confirmation ID: " + cid + "\n" + Transcript.summary(without(answer, "cid"));
      lab.transcript.print(shown);
      outcome = new Outcome(0, Optional.empty(), "", answer, shown);
    } catch (KeywardException e) {
      m.confirmationId = Optional.empty();
      outcome = support.refused(e);
    }
    return lab.verdict(
        step.line(), title, Checks.check(RunExecutor.expected(step.expect(), lab.keys), outcome));
  }

  /** What {@code slmgr /dti} shows on M's console. */
  private String installationId(LabMachine m) {
    Shell.Result dti = lab.shell(m, List.of("slmgr", "/dti"), true);
    Optional<Map<String, Object>> json = Json.readObject(dti.out());
    if (dti.exit() == 0
        && json.isPresent()
        && json.get().get("installationId") instanceof String s) {
      return s;
    }
    String why =
        json.filter(j -> j.get("error") instanceof Map<?, ?>)
            .map(Transcript::render)
            .orElse(dti.out() + dti.err())
            .strip();
    throw new IllegalArgumentException(m.name + " shows no installation ID (slmgr /dti): " + why);
  }

  private static Map<String, Object> without(Map<String, Object> answer, String field) {
    Map<String, Object> rest = new LinkedHashMap<>(answer);
    rest.remove(field);
    return rest;
  }
}
