package dev.keyward.authority;

import dev.keyward.authority.http.Api;
import dev.keyward.authority.http.Body;
import dev.keyward.authority.http.Route;
import dev.keyward.authority.http.Throttle;
import dev.keyward.core.phone.InstallationId;
import dev.keyward.core.phone.ProxyFileReading;
import dev.keyward.core.phone.ProxyRequest;
import dev.keyward.core.phone.ProxyResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        new Route(HandlerType.POST, "/v1/phone", false, this::confirm),
        new Route(HandlerType.POST, "/v1/admin/phone", true, this::adminConfirm),
        new Route(HandlerType.POST, "/v1/admin/proxy", true, this::proxy));
  }

  private PhoneActivationService.Ask ask(Body b) {
    return new PhoneActivationService.Ask(
        b.optionalText("product"), b.optionalText("oemMarker"), b.bool("simulated", false));
  }

  /**
   * The public activation center: rate-limited per address (Api), its refusals per address and per
   * key from that address (Throttle); not audited.
   */
  private void confirm(Context ctx) {
    Body b = Body.parse(api.body(ctx));
    String iidText = b.text("iid");
    PhoneActivationService.Ask ask = ask(b);
    PhoneActivationService.Confirmed confirmed =
        throttle.decide(
            Api.clientAddress(ctx),
            () -> PhoneActivationService.parse(iidText),
            phone::keyFingerprint,
            iid -> phone.confirm(iid, ask, Optional.empty()));
    answer(ctx, confirmed, false);
  }

  /** A support agent on the phone: audited with actor and reason, not rate-limited. */
  private void adminConfirm(Context ctx) {
    Body b = Body.parse(api.body(ctx));
    InstallationId iid = PhoneActivationService.parse(b.text("iid"));
    String reason = reason(b);
    PhoneActivationService.Confirmed c =
        phone.confirm(
            iid,
            ask(b),
            Optional.of(
                new PhoneActivationService.Audit(
                    Api.actor(ctx), "phone.confirm", reason, Optional.empty())));
    answer(ctx, c, true);
  }

  private void proxy(Context ctx) {
    Body b = Body.parse(api.body(ctx));
    String reason = reason(b);
    b.object("request");
    ProxyRequest request =
        switch (ProxyRequest.read(b.json().get("request").toString())) {
          case ProxyFileReading.Read<ProxyRequest> r -> r.file();
          case ProxyFileReading.Invalid<ProxyRequest> i -> throw new ApiException(400, i.failure());
        };
    ProxyResponse response = phone.answer(request, Api.actor(ctx), reason);
    ctx.status(200).contentType("application/json").result(response.write());
  }

  /** Support actions say why: required, and recorded in the audit log. */
  private static String reason(Body b) {
    return b.text("reason").strip();
  }

  private static void answer(Context ctx, PhoneActivationService.Confirmed c, boolean admin) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cid", c.cid());
    json.put("keyIndex", c.keyIndex());
    json.put("reissued", c.reissued());
    if (admin) {
      json.put("activationId", c.activationId());
      json.put("partialKey", c.partialKey());
    }
    Api.json(ctx, 200, json);
  }
}
