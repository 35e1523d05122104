package dev.keyward.client;

import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.diagnose.Diagnosis;
import dev.keyward.core.diagnose.Facts;
import dev.keyward.core.diagnose.Finding;
import dev.keyward.core.diagnose.HardwareDrift;
import dev.keyward.core.diagnose.ProductFacts;
import dev.keyward.core.diagnose.TimeFacts;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.Tolerance;
import dev.keyward.core.hardware.ToleranceResult;
import dev.keyward.core.license.LicenseStatus;
import dev.keyward.core.license.LicenseTimers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code keyward diagnose} (SPEC §17): gathers the facts a support agent asks for and applies
 * core's {@link Diagnosis} rules. Read-only like a status read: it opens the store the way {@link
 * KeywardClient#status()} does, never saves, never appends an event, and works on a store that
 * cannot be written. It does look outward: the authority's and the volume hosts' ports, and DNS.
 */
public final class Diagnostics {
  private final ClientContext client;

  Diagnostics(ClientContext client) {
    this.client = client;
  }

  /** What was found: the facts, the findings (most important first), and the status they show. */
  public record Report(Facts facts, List<Finding> findings, LicenseInfo status) {
    public Report {
      findings = List.copyOf(findings);
    }
  }

  Report run() {
    List<String> notices = new ArrayList<>();
    Session s = client.sessions().open(notices);
    LicenseInfo info = client.infos().build(s, notices);
    Product product = s.product();
    Optional<String> storeProblem =
        s.findings().stream()
            .filter(f -> f.error() == ErrorCode.STORE_TAMPERED)
            .map(Failure::detail)
            .findFirst();
    Facts facts =
        new Facts(
            productFacts(product, info),
            drift(product),
            time(product, s, info),
            Optional.of(Probe.authority(client)),
            new VolumeFactsReader(client).read(s, info),
            new FailureLog(client.store()).last(product.id(), s.state()),
            storeProblem,
            new DirectoryFactsReader(client).read(s));
    return new Report(facts, Diagnosis.findings(facts), info);
  }

  private static ProductFacts productFacts(Product product, LicenseInfo info) {
    LicenseStatus st = info.status();
    List<String> targets = product.edition(info.edition()).map(Edition::targets).orElse(List.of());
    return new ProductFacts(
        info.product(),
        info.productName(),
        info.version(),
        info.edition(),
        info.evaluation(),
        Optional.ofNullable(st.evaluationEnd()),
        st.rearmRemaining(),
        info.channel().map(Enum::name),
        info.partialProductKey(),
        st.state().displayName(),
        Optional.ofNullable(st.reason()),
        Optional.ofNullable(st.remainingMinutes()),
        info.pendingEdition(),
        targets);
  }

  /**
   * The stored certificate's machine against this one. Read from the store as saved: opening may
   * have set aside a certificate it no longer believes, but which components changed is still what
   * support asks.
   */
  private Optional<HardwareDrift> drift(Product product) {
    if (!(client.store().load(product.id()) instanceof LocalStore.Read.Intact intact)) {
      return Optional.empty();
    }
    Optional<SignedCertificate> cert = intact.state().certificate();
    if (cert.isEmpty()) {
      return Optional.empty();
    }
    HardwareIdentity now;
    try {
      now = HardwareIdentity.of(client.machineFacts(), product.id());
    } catch (KeywardException e) {
      return Optional.empty();
    }
    ToleranceResult r =
        Tolerance.compare(cert.get().certificate().machine(), now, product.hardware());
    Set<Component> kept = EnumSet.noneOf(Component.class);
    kept.addAll(r.changed());
    kept.remove(Component.UUID);
    kept.remove(Component.SERIAL);
    return Optional.of(
        new HardwareDrift(
            r.changed().stream().map(Component::fileName).toList(),
            r.score(),
            product.hardware().limit(),
            product.hardware().score(kept)));
  }

  private TimeFacts time(Product product, Session s, LicenseInfo info) {
    Duration tolerance =
        product
            .edition(info.edition())
            .map(e -> LicenseTimers.of(product, e).clockTolerance())
            .orElse(Duration.ofHours(1));
    // the event log's latest time is a time this machine's clock once read: a clock now behind it
    // was set back, even when no state was saved since (diagnose only reports; it decides nothing)
    Instant trusted = s.state().record().trustedTime();
    Optional<Instant> logged = new FailureLog(client.store()).latestTime(s.product().id());
    if (logged.isPresent() && logged.get().isAfter(trusted)) {
      trusted = logged.get();
    }
    return new TimeFacts(client.clock().instant(), trusted, tolerance);
  }
}
