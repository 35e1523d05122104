package dev.keyward.client;

import dev.keyward.client.VolumeHostConnection.Reply;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.discovery.HostPort;
import dev.keyward.core.discovery.SrvOrder;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.volume.SignedVolumeGrant;
import dev.keyward.core.volume.VolumeGrantCheck;
import dev.keyward.core.volume.VolumeGrantVerifier;
import dev.keyward.core.volume.VolumeRefusal;
import dev.keyward.core.volume.VolumeRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code slmgr /ato} with a volume client key (SPEC §11): ask the fixed host ({@code /skms}), else
 * the cached host, else the hosts DNS names in RFC 2782 order; verify the signed grant's chain to
 * the trusted authority keys; keep it. A refusal is the host's code (0xC004F038 with the count,
 * 0xC004F041, 0xC004F042, 0xC004F06C); no record in DNS is 0x8007232B; no host answering is
 * 0xC004F074. Renewal is the same request.
 */
final class VolumeActivation {
  private final ClientContext client;
  private final VolumeClientFile file;
  private final VolumeDiscovery discovery;
  private final VolumeHostConnection connection = new VolumeHostConnection();

  VolumeActivation(ClientContext client) {
    this.client = client;
    this.file = new VolumeClientFile(client.store());
    this.discovery = new VolumeDiscovery(client.volumeNetwork());
  }

  /** One host to ask, and where its name came from. */
  private record Candidate(HostPort host, String source) {}

  /** Asks the hosts; returns the verified grant, or throws the most telling failure. */
  SignedVolumeGrant activate(Session s, StoredKey key, List<String> notices) {
    String product = s.product().id();
    VolumeSettings settings = s.state().volume();
    VolumeClientRecord record = file.read(product);
    Optional<String> dnsHost = Optional.empty();
    List<Candidate> candidates = new ArrayList<>();
    Failure noCandidate = null;
    if (settings.host() != null) {
      candidates.add(new Candidate(parse(settings.host()), "registered"));
    } else {
      if (settings.hostCaching() && record.cachedHost().isPresent()) {
        candidates.add(new Candidate(parse(record.cachedHost().get()), "cached"));
      }
      Optional<String> domain = discovery.domain(settings);
      if (domain.isEmpty()) {
        noCandidate =
            Failure.of(
                ErrorCode.DNS_NAME_DOES_NOT_EXIST,
                "No volume activation host is set (slmgr /skms HOST) and this machine has no DNS"
                    + " domain to look one up in (machine file domain:, slmgr /skms-domain FQDN).");
      } else {
        switch (discovery.lookup(domain.get())) {
          case VolumeDiscovery.Answer.Found found -> {
            var ordered = SrvOrder.order(found.targets(), client.random());
            for (var target : ordered) {
              candidates.add(new Candidate(target.hostPort(), "dns"));
            }
            if (!ordered.isEmpty()) {
              dnsHost = Optional.of(ordered.get(0).hostPort().toString());
            }
          }
          case VolumeDiscovery.Answer.NoRecord none ->
              noCandidate =
                  Failure.of(
                      ErrorCode.DNS_NAME_DOES_NOT_EXIST,
                      "DNS has no SRV record "
                          + none.name()
                          + " ("
                          + discovery.server()
                          + ": "
                          + none.detail()
                          + ").");
          case VolumeDiscovery.Answer.Failed failed ->
              noCandidate =
                  Failure.of(
                      ErrorCode.VOLUME_HOST_UNAVAILABLE,
                      "The SRV record "
                          + failed.name()
                          + " could not be looked up: "
                          + failed.detail()
                          + ".");
        }
      }
    }
    if (candidates.isEmpty()) {
      throw new KeywardException(noCandidate);
    }
    return ask(s, key, record, candidates, dnsHost, notices);
  }

  private SignedVolumeGrant ask(
      Session s,
      StoredKey key,
      VolumeClientRecord record,
      List<Candidate> candidates,
      Optional<String> dnsHost,
      List<String> notices) {
    String product = s.product().id();
    Instant now = client.clock().instant();
    VolumeRequest request =
        new VolumeRequest(
            product,
            s.state().installation().version(),
            s.state().installation().edition(),
            key.group(),
            s.state().cmid(),
            now,
            record.grant().map(g -> g.grant().hostId()));
    VolumeGrantVerifier verifier = new VolumeGrantVerifier(trusted(notices), client.catalog());
    List<String> unreachable = new ArrayList<>();
    Failure rejected = null;
    for (Candidate c : candidates.stream().distinct().toList()) {
      VolumeEvents.requestSent(client, s.state(), c.host().toString(), c.source());
      Reply reply = connection.activate(c.host(), discovery.address(c.host().host()), request);
      switch (reply) {
        case Reply.Unreachable u -> unreachable.add(u.detail());
        case Reply.Refused r -> throw refused(new Attempt(s, record, dnsHost, now), c, r.refusal());
        case Reply.Granted g -> {
          VolumeGrantCheck check =
              verifier.verify(
                  g.grant(),
                  product,
                  s.state().installation().version(),
                  s.state().installation().edition(),
                  s.state().cmid());
          if (check instanceof VolumeGrantCheck.Invalid invalid) {
            VolumeEvents.answer(
                client,
                s.state(),
                c.host().toString(),
                invalid.error(),
                Optional.of(g.grant().grant().count()),
                Optional.empty());
            rejected =
                Failure.of(
                    invalid.error(),
                    "The answer of " + c.host() + " was not believed: " + invalid.reason());
            continue;
          }
          keep(new Attempt(s, record, dnsHost, now), key, c, g.grant());
          return g.grant();
        }
      }
    }
    file.write(
        product,
        record.failed(
            now,
            (rejected == null ? ErrorCode.VOLUME_HOST_UNAVAILABLE : rejected.error()).hex(),
            Optional.empty(),
            Optional.empty(),
            dnsHost));
    if (rejected != null) {
      throw new KeywardException(rejected);
    }
    throw new KeywardException(
        Failure.of(
            ErrorCode.VOLUME_HOST_UNAVAILABLE,
            "No volume activation host could be reached: " + String.join("; ", unreachable) + "."));
  }

  /** One request round: the session, what the client remembered, what DNS said, when. */
  private record Attempt(
      Session s, VolumeClientRecord record, Optional<String> dnsHost, Instant now) {}

  /** A host's refusal: recorded (count, retry interval, event 12289), then the failure to throw. */
  private KeywardException refused(Attempt a, Candidate c, VolumeRefusal refusal) {
    Optional<Integer> count =
        refusal.count().isPresent() ? Optional.of(refusal.count().getAsInt()) : Optional.empty();
    VolumeEvents.answer(
        client, a.s().state(), c.host().toString(), refusal.code(), count, Optional.empty());
    file.write(
        a.s().product().id(),
        a.record()
            .failed(
                a.now(),
                refusal.code().hex(),
                count,
                refusal.retryIntervalMinutes() > 0
                    ? Optional.of(refusal.retryIntervalMinutes())
                    : Optional.empty(),
                a.dnsHost()));
    return new KeywardException(refusedFailure(c.host(), refusal));
  }

  /** A verified grant: kept with the host that gave it (when caching), event 12289. */
  private void keep(Attempt a, StoredKey key, Candidate c, SignedVolumeGrant grant) {
    VolumeSettings v = a.s().state().volume();
    Optional<String> cached =
        v.host() == null && v.hostCaching() ? Optional.of(c.host().toString()) : Optional.empty();
    file.write(
        a.s().product().id(),
        a.record().granted(grant, key.fingerprint(), a.now(), cached, a.dnsHost()));
    VolumeEvents.answer(
        client,
        a.s().state(),
        c.host().toString(),
        null,
        Optional.of(grant.grant().count()),
        Optional.of(grant.grant()));
  }

  private static Failure refusedFailure(HostPort host, VolumeRefusal refusal) {
    StringBuilder m = new StringBuilder("The volume activation host " + host + " refused: ");
    m.append(refusal.message().isBlank() ? refusal.code().meaning() : refusal.message());
    if (refusal.count().isPresent()) {
      m.append(" (current count ").append(refusal.count().getAsInt()).append(")");
    }
    if (refusal.retryIntervalMinutes() > 0) {
      m.append("; the client tries again after ")
          .append(refusal.retryIntervalMinutes())
          .append(" minutes");
    }
    return Failure.of(refusal.code(), m.append('.').toString());
  }

  /** The trusted keys; pinned from the authority first when none is configured and it answers. */
  private List<TrustedKey> trusted(List<String> notices) {
    List<TrustedKey> keys = client.trust().keys();
    if (keys.isEmpty() && client.pinTrustOnFirstUse() && client.authority().isPresent()) {
      try {
        keys = client.trust().pin();
        notices.add("Pinned the authority's keys in " + client.store().trustFile() + ".");
      } catch (KeywardException e) {
        // a volume client may never reach the authority: it then trusts no host
      }
    }
    return keys;
  }

  private static HostPort parse(String text) {
    return switch (HostPort.parse(text, HostPort.VOLUME_PORT)) {
      case HostPort.Parse.Parsed p -> p.value();
      case HostPort.Parse.Rejected r -> throw new KeywardException(r.failure());
    };
  }

  static Map<String, Object> intervals(dev.keyward.core.volume.VolumeGrant g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activationValidityMinutes", g.activationValidityMinutes());
    m.put("renewalIntervalMinutes", g.renewalIntervalMinutes());
    m.put("retryIntervalMinutes", g.retryIntervalMinutes());
    return m;
  }
}
