package dev.keyward.authority;

import dev.keyward.authority.console.VendorServices;
import dev.keyward.authority.http.ApiException;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.phone.ProxyFileReading;
import dev.keyward.core.phone.ProxyRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The vendor console's view of the admin and activation-center services (no rules of its own). */
final class ConsoleServices implements VendorServices {
  private final AdminService admin;
  private final PhoneActivationService phone;
  private final Supplier<Catalog> catalog;

  ConsoleServices(AdminService admin, PhoneActivationService phone, Supplier<Catalog> catalog) {
    this.admin = admin;
    this.phone = phone;
    this.catalog = catalog;
  }

  @Override
  public Catalog catalog() {
    return catalog.get();
  }

  @Override
  public List<Map<String, Object>> issue(Issue i, String actor) {
    if (i.count() < 1 || i.count() > AdminService.MAX_ISSUE) {
      throw ApiException.badRequest("the count must be 1.." + AdminService.MAX_ISSUE);
    }
    return admin.issue(
        new AdminService.IssueCommand(
            i.product(), i.version(), i.edition(), i.channel(), i.count(), i.pool()),
        actor);
  }

  @Override
  public Map<String, Object> show(String key) {
    return admin.show(key);
  }

  @Override
  public Map<String, Object> setBlocked(String key, boolean blocked, String reason, String actor) {
    return admin.setBlocked(key, blocked, reason, actor);
  }

  @Override
  public Map<String, Object> extend(String key, int by, String reason, String actor) {
    return admin.extend(key, by, reason, actor);
  }

  @Override
  public int release(String key, Optional<String> activation, String reason, String actor) {
    return admin.release(key, activation, reason, actor);
  }

  @Override
  public Map<String, Object> downgrade(String key, String version, String reason, String actor) {
    return admin.downgrades().downgrade(key, version, reason, actor);
  }

  @Override
  public List<Map<String, Object>> activations(String key) {
    return admin.activations(Optional.of(key), 1000);
  }

  @Override
  public Map<String, Object> verifyAudit() {
    return admin.verifyAudit();
  }

  @Override
  public Confirmation phone(
      String iid,
      Optional<String> product,
      Optional<String> oemMarker,
      String reason,
      String actor) {
    PhoneActivationService.Confirmed c =
        phone.confirm(
            PhoneActivationService.parse(iid),
            new PhoneActivationService.Ask(product, oemMarker, false),
            Optional.of(
                new PhoneActivationService.Audit(
                    actor, "phone.confirm", reason, Optional.empty())));
    return new Confirmation(c.cid(), c.reissued(), c.activationId(), c.partialKey());
  }

  @Override
  public String proxy(String requestFile, String reason, String actor) {
    ProxyRequest request =
        switch (ProxyRequest.read(requestFile)) {
          case ProxyFileReading.Read<ProxyRequest> r -> r.file();
          case ProxyFileReading.Invalid<ProxyRequest> i -> throw new ApiException(400, i.failure());
        };
    return phone.answer(request, actor, reason).write();
  }
}
