package dev.keyward.authority;

import dev.keyward.authority.http.Api;
import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.http.Body;
import dev.keyward.authority.http.Route;
import dev.keyward.authority.http.Throttle;
import dev.keyward.authority.store.Database;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.channel.ActivationRequest;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.protocol.ActivateRequest;
import dev.keyward.core.protocol.CertificateAnswer;
import dev.keyward.core.protocol.DeactivateAnswer;
import dev.keyward.core.protocol.DeactivateRequest;
import dev.keyward.core.protocol.RenewRequest;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The route table of docs/api.md and its handlers: parse, call a service, answer. */
final class Routes {
  private final ActivationService activations;
  private final HeldActivations held;
  private final AdminService admin;
  private final Throttle throttle;
  private final Database db;
  private final PrometheusMeterRegistry registry;
  private final String trustJson;
  private final Timer decisions;
  private final Map<String, Counter> activationCounters = new ConcurrentHashMap<>();
  private final PhoneRoutes phone;
  private Api api;

  Routes(
      ActivationService activations,
      HeldActivations held,
      AdminService admin,
      Throttle throttle,
      Database db,
      PrometheusMeterRegistry registry,
      String trustJson,
      PhoneRoutes phone) {
    this.activations = activations;
    this.held = held;
    this.phone = phone;
    this.admin = admin;
    this.throttle = throttle;
    this.db = db;
    this.registry = registry;
    this.trustJson = trustJson;
    this.decisions =
        Timer.builder("keyward.activation.decision")
            .description("Time to decide and store an activation")
            .register(registry);
  }

  void bind(Api api) {
    this.api = api;
    phone.bind(api);
  }

  List<Route> table() {
    List<Route> r = new ArrayList<>();
    r.add(new Route(HandlerType.POST, "/v1/activate", false, this::activate).limitedPerAddress());
    r.add(
        new Route(HandlerType.POST, "/v1/deactivate", false, this::deactivate).limitedPerAddress());
    r.add(new Route(HandlerType.POST, "/v1/renew", false, this::renew).limitedPerAddress());
    r.add(new Route(HandlerType.GET, "/v1/trust", false, this::trust));
    r.addAll(phone.table());
    r.add(new Route(HandlerType.POST, "/v1/admin/keys", true, this::issue));
    r.add(new Route(HandlerType.GET, "/v1/admin/keys/{key}", true, this::show));
    r.add(new Route(HandlerType.POST, "/v1/admin/keys/{key}/block", true, ctx -> block(ctx, true)));
    r.add(
        new Route(
            HandlerType.POST, "/v1/admin/keys/{key}/unblock", true, ctx -> block(ctx, false)));
    r.add(new Route(HandlerType.POST, "/v1/admin/keys/{key}/extend", true, this::extend));
    r.add(new Route(HandlerType.POST, "/v1/admin/keys/{key}/release", true, this::release));
    r.add(new Route(HandlerType.POST, "/v1/admin/keys/{key}/downgrade", true, this::downgrade));
    r.add(new Route(HandlerType.GET, "/v1/admin/activations", true, this::activationList));
    r.add(new Route(HandlerType.GET, "/v1/admin/audit", true, this::audit));
    r.add(new Route(HandlerType.GET, "/v1/admin/audit/verify", true, this::verify));
    r.add(new Route(HandlerType.GET, "/v1/admin/audit/checkpoint", true, this::checkpoint));
    r.add(new Route(HandlerType.PUT, "/v1/admin/catalog", true, this::catalog).takingCatalog());
    r.add(new Route(HandlerType.GET, "/healthz", false, this::health));
    r.add(new Route(HandlerType.GET, "/metrics", false, this::metrics));
    r.add(new Route(HandlerType.GET, "/openapi.json", false, this::openapi));
    return r;
  }

  // ---- client endpoints

  /** A decision on a typed key, its failures counted by the throttle. */
  private <T> T keyed(Context ctx, String text, java.util.function.Function<TypedKey, T> decision) {
    return throttle.decide(
        Api.clientAddress(ctx),
        () -> activations.read(text),
        typed -> Optional.of(typed.fingerprint()),
        decision);
  }

  private void activate(Context ctx) {
    ActivateRequest body = Body.read(api.body(ctx), ActivateRequest::parse);
    Optional<String> hostPublicKey = body.hostPublicKey();
    if (hostPublicKey.isPresent()
        && dev.keyward.core.volume.VolumeGrantVerifier.publicKey(hostPublicKey.get()).isEmpty()) {
      throw ApiException.badRequest(
          "'hostPublicKey' must be an Ed25519 public key (base64 of its X.509 encoding)");
    }
    String outcome = "refused";
    String code = "";
    long start = System.nanoTime();
    try {
      ActivationRequest request =
          new ActivationRequest(
              body.installation(),
              body.components(),
              body.oemMarker(),
              body.simulated(),
              body.clientTime());
      ActivationService.Issued issued =
          keyed(
              ctx,
              body.key(),
              typed -> activations.activate(typed, request, body.cmid(), hostPublicKey));
      outcome = issued.reissued() ? "reissued" : "granted";
      certificate(ctx, issued.signedJson(), issued.reissued());
    } catch (ApiException e) {
      code = e.failure().error().hex();
      throw e;
    } finally {
      decisions.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      activationCounter(outcome, code).increment();
    }
  }

  /**
   * The counter of one outcome and code, registered once: building and registering it again at
   * every request (its id, its tags sorted, the registry's lookup) cost more than the count.
   */
  private Counter activationCounter(String outcome, String code) {
    return activationCounters.computeIfAbsent(
        outcome + " " + code,
        k ->
            Counter.builder("keyward.activations")
                .description("Activation requests by outcome")
                .tag("outcome", outcome)
                .tag("code", code)
                .register(registry));
  }

  private void deactivate(Context ctx) {
    DeactivateRequest body = Body.read(api.body(ctx), DeactivateRequest::parse);
    String id = keyed(ctx, body.key(), typed -> held.deactivate(typed, body.components()));
    Api.json(ctx, 200, new DeactivateAnswer(true, id).toMap());
  }

  private void renew(Context ctx) {
    RenewRequest body = Body.read(api.body(ctx), RenewRequest::parse);
    SignedCertificate presented = body.signed();
    ActivationService.Issued issued =
        throttle.decide(
            Api.clientAddress(ctx),
            () -> presented,
            certificate -> Optional.empty(),
            certificate -> held.renew(certificate, body.components()));
    certificate(ctx, issued.signedJson(), false);
  }

  /**
   * A stored signed certificate answered as the wire record {@link CertificateAnswer}, written from
   * its stored text: reading and writing it again cost a JSON parse per activation.
   */
  private static void certificate(Context ctx, String signedJson, boolean reissued) {
    Api.json(ctx, 200, CertificateAnswer.text(signedJson, reissued));
  }

  private void trust(Context ctx) {
    ctx.status(200).contentType("application/json").result(trustJson);
  }

  // ---- admin endpoints

  private void issue(Context ctx) {
    Body b = Body.parse(api.body(ctx));
    var command =
        new AdminService.IssueCommand(
            b.optionalText("product"),
            b.text("version"),
            b.optionalText("edition"),
            b.text("channel"),
            b.optionalInt("count", 1, AdminService.MAX_ISSUE).orElse(1),
            b.optionalInt("pool", 1, 1_000_000));
    Api.json(ctx, 201, Map.of("keys", admin.issue(command, Api.actor(ctx))));
  }

  private void show(Context ctx) {
    String reveal = ctx.queryParam("reveal");
    if (reveal != null && !reveal.equals("true") && !reveal.equals("false")) {
      throw ApiException.badRequest("query parameter 'reveal' must be true or false");
    }
    Api.json(
        ctx,
        200,
        "true".equals(reveal)
            ? admin.reveal(ctx.pathParam("key"), Api.actor(ctx))
            : admin.show(ctx.pathParam("key")));
  }

  /** Block, unblock and extend record a reason when one is given (the CLI's flags are optional). */
  private static String reason(Body b) {
    return b.optionalText("reason").orElse("(no reason given)");
  }

  private void block(Context ctx, boolean blocked) {
    Body b = Body.parseOrEmpty(api.body(ctx));
    Api.json(ctx, 200, admin.setBlocked(ctx.pathParam("key"), blocked, reason(b), Api.actor(ctx)));
  }

  private void extend(Context ctx) {
    Body b = Body.parse(api.body(ctx));
    int by =
        b.optionalInt("by", 1, 1_000_000)
            .orElseThrow(() -> ApiException.badRequest("field 'by' is required"));
    Api.json(ctx, 200, admin.extend(ctx.pathParam("key"), by, reason(b), Api.actor(ctx)));
  }

  private void release(Context ctx) {
    Body b = Body.parse(api.body(ctx));
    int n =
        admin.release(
            ctx.pathParam("key"), b.optionalText("activation"), b.text("reason"), Api.actor(ctx));
    Api.json(ctx, 200, Map.of("released", n));
  }

  private void downgrade(Context ctx) {
    Body b = Body.parse(api.body(ctx));
    String version = b.text("version");
    Api.json(
        ctx,
        200,
        admin.downgrades().downgrade(ctx.pathParam("key"), version, reason(b), Api.actor(ctx)));
  }

  private void activationList(Context ctx) {
    Optional<String> key = Optional.ofNullable(ctx.queryParam("key")).filter(s -> !s.isBlank());
    int limit = intParam(ctx, "limit", 1000, 1, 100_000);
    Api.json(ctx, 200, Map.of("activations", admin.activations(key, limit)));
  }

  private void audit(Context ctx) {
    long after = longParam(ctx, "after", 0);
    int limit = intParam(ctx, "limit", 1000, 1, 10_000);
    Api.json(ctx, 200, Map.of("entries", admin.audit(after, limit)));
  }

  private void verify(Context ctx) {
    Api.json(ctx, 200, admin.verifyAudit());
  }

  private void checkpoint(Context ctx) {
    Api.json(ctx, 200, admin.auditCheckpoint());
  }

  private void catalog(Context ctx) {
    String text = new String(api.catalogBody(ctx), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw ApiException.badRequest("the body must be a catalog (YAML)");
    }
    Api.json(ctx, 200, Map.of("products", admin.loadCatalog(text, Api.actor(ctx))));
  }

  // ---- operations

  private void health(Context ctx) {
    if (db.reachable()) {
      Api.json(ctx, 200, Map.of("status", "ok"));
    } else {
      throw new ApiException(
          503,
          Failure.of(ErrorCode.AUTHORITY_DATABASE_UNAVAILABLE, "The database does not answer."));
    }
  }

  private void metrics(Context ctx) {
    ctx.status(200)
        .contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(registry.scrape());
  }

  private void openapi(Context ctx) {
    ctx.status(200).contentType("application/json").result(openApiText());
  }

  static String openApiText() {
    try (InputStream in = Routes.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    long v = longParam(ctx, name, fallback);
    if (v < min || v > max) {
      throw ApiException.badRequest("query parameter '" + name + "' must be " + min + ".." + max);
    }
    return (int) v;
  }

  private static long longParam(Context ctx, String name, long fallback) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long v = Long.parseLong(text.strip());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("query parameter '" + name + "' must be a whole number >= 0");
    }
  }
}
