package dev.keyward.authority;

import dev.keyward.authority.http.Api;
import dev.keyward.authority.http.Body;
import dev.keyward.authority.http.Route;
import dev.keyward.authority.http.Throttle;
import dev.keyward.core.phone.InstallationId;
import dev.keyward.core.phone.ProxyResponse;
import dev.keyward.core.protocol.AdminPhoneAnswer;
import dev.keyward.core.protocol.AdminPhoneRequest;
import dev.keyward.core.protocol.PhoneAnswer;
import dev.keyward.core.protocol.PhoneRequest;
import dev.keyward.core.protocol.ProxyAnswerRequest;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;

/** The activation center's routes (docs/api.md, "Phone and proxy activation"). */
final class PhoneRoutes {
  private final PhoneActivationService phone;
  private final Throttle throttle;
  private Api api;

  PhoneRoutes(PhoneActivationService phone, Throttle throttle) {
    this.phone = phone;
    this.throttle = throttle;
  }

  void bind(Api api) {
    this.api = api;
  }

  List<Route> table() {
    return List.of(
        new Route(HandlerType.POST, "/v1/phone", false, this::confirm).limitedPerAddress(),
        new Route(HandlerType.POST, "/v1/admin/phone", true, this::adminConfirm),
        new Route(HandlerType.POST, "/v1/admin/proxy", true, this::proxy));
  }

  /**
   * The public activation center: rate-limited per address (Api), its refusals per address and per
   * key from that address (Throttle); not audited.
   */
  private void confirm(Context ctx) {
    PhoneRequest body = Body.read(api.body(ctx), PhoneRequest::parse);
    PhoneActivationService.Ask ask =
        new PhoneActivationService.Ask(body.product(), body.oemMarker(), body.simulated());
    PhoneActivationService.Confirmed c =
        throttle.decide(
            Api.clientAddress(ctx),
            () -> PhoneActivationService.parse(body.iid()),
            phone::keyFingerprint,
            iid -> phone.confirm(iid, ask, Optional.empty()));
    Api.json(ctx, 200, new PhoneAnswer(c.cid(), c.keyIndex(), c.reissued()).toMap());
  }

  /** A support agent on the phone: audited with actor and reason, not rate-limited. */
  private void adminConfirm(Context ctx) {
    AdminPhoneRequest body = Body.read(api.body(ctx), AdminPhoneRequest::parse);
    InstallationId iid = PhoneActivationService.parse(body.iid());
    PhoneActivationService.Confirmed c =
        phone.confirm(
            iid,
            new PhoneActivationService.Ask(body.product(), body.oemMarker(), body.simulated()),
            Optional.of(
                new PhoneActivationService.Audit(
                    Api.actor(ctx), "phone.confirm", body.reason(), Optional.empty())));
    Api.json(
        ctx,
        200,
        new AdminPhoneAnswer(c.cid(), c.keyIndex(), c.reissued(), c.activationId(), c.partialKey())
            .toMap());
  }

  /** Support actions say why: required, and recorded in the audit log with every entry. */
  private void proxy(Context ctx) {
    ProxyAnswerRequest body = Body.read(api.body(ctx), ProxyAnswerRequest::parse);
    ProxyResponse response = phone.answer(body.request(), Api.actor(ctx), body.reason());
    ctx.status(200).contentType("application/json").result(response.write());
  }
}
