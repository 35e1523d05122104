package dev.keyward.client;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.license.ActivationStanding;
import dev.keyward.core.license.LicenseEvent;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.vmhost.SignedVmGrant;
import dev.keyward.core.vmhost.VmActivationRequest;
import dev.keyward.core.vmhost.VmAgentAnswer;
import dev.keyward.core.vmhost.VmGrant;
import dev.keyward.core.vmhost.VmGrantCheck;
import dev.keyward.core.vmhost.VmGrantVerifier;
import dev.keyward.core.vmhost.VmHostChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host-based VM activation guest's license (SPEC §12): {@code /ato} asks the host agent named by
 * the machine file ({@code vmHost:}) and keeps its signed grant; every read derives the state from
 * that grant (its chain to a trusted authority key, this installation, this CMID, the installed
 * key), Licensed until its expiry, 7 days after the last activation. Reads never write.
 */
public final class VmGuestLicense {
  /** How long after a grant the SDK's {@code renewIfDue} asks the host agent again. */
  static final java.time.Duration RENEWAL = java.time.Duration.ofDays(1);

  private final ClientContext client;
  private final VmGuestFile file;

  VmGuestLicense(ClientContext client) {
    this.client = client;
    this.file = new VmGuestFile(client.store());
  }

  static boolean applies(ProductState state) {
    return state.key().map(k -> k.channel() == Channel.VIRTUAL_MACHINE_ACTIVATION).orElse(false);
  }

  /** {@code /ato}: activates (or renews) through the host agent; nothing is kept on a refusal. */
  KeywardClient.Activation activate(Session s, StoredKey key, List<String> notices) {
    String typed =
        client
            .volumeNetwork()
            .vmHost()
            .get()
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.VM_HOST_UNREACHABLE,
                        "This machine names no host agent: its machine file needs a `vmHost:` line"
                            + " (unix:/PATH or HOST:PORT) for host-based VM activation."));
    VmHostChannel channel =
        VmHostChannel.parse(typed)
            .orElseThrow(
                () ->
                    KeywardException.of(
                        ErrorCode.VM_HOST_UNREACHABLE, "'" + typed + "' is not a host channel."));
    ProductState state = s.state();
    VmActivationRequest request =
        new VmActivationRequest(
            s.product().id(),
            state.installation().version(),
            state.installation().edition(),
            key.group(),
            client.volumeNetwork().machineName().get(),
            state.cmid(),
            client.clock().instant());
    SignedVmGrant signed = granted(state, channel, request);
    VmGrant g = signed.grant();
    file.write(
        s.product().id(), new VmGuestRecord(Optional.of(key.fingerprint()), Optional.of(signed)));
    LicenseRecord next =
        Transitions.refusedOrNext(
            s.machine()
                .apply(
                    state.record(),
                    LicenseEvent.Activated.until(g.expiresAt(), true),
                    client.clock().instant()));
    ProductState after = state.withRecord(next);
    client.sessions().save(s, after);
    VmGuestEvents.processed(client, after, channel.toString(), null, Optional.of(g));
    Session done = new Session(s.product(), after, s.machine());
    return new KeywardClient.Activation(
        client.infos().build(done, notices), false, "vm:" + g.hostId());
  }

  private SignedVmGrant granted(
      ProductState state, VmHostChannel channel, VmActivationRequest request) {
    Failure refused;
    try {
      VmAgentAnswer answer = VmAgentConnection.exchange(channel, request.toJsonText());
      if (answer instanceof VmAgentAnswer.Granted granted) {
        VmGrantCheck check =
            new VmGrantVerifier(client.trust().keys(), client.catalog())
                .verify(
                    granted.grant(),
                    request.product(),
                    request.version(),
                    request.edition(),
                    request.cmid());
        if (check instanceof VmGrantCheck.Valid valid) {
          return valid.grant();
        }
        refused = ((VmGrantCheck.Invalid) check).failure();
      } else {
        refused = ((VmAgentAnswer.Refused) answer).failure();
      }
    } catch (KeywardException e) {
      refused = e.failure();
    }
    VmGuestEvents.processed(client, state, channel.toString(), refused.error(), Optional.empty());
    throw new KeywardException(refused);
  }

  /** Asks the host agent again once a day while the guest runs on it: no grant, or a day old. */
  Optional<KeywardClient.Activation> renewIfDue(Session s, List<String> notices) {
    if (!applies(s.state())) {
      return Optional.empty();
    }
    Optional<SignedVmGrant> held = file.read(s.product().id()).grant();
    boolean due =
        held.isEmpty()
            || !client.clock().instant().isBefore(held.get().grant().issuedAt().plus(RENEWAL));
    return due
        ? Optional.of(activate(s, s.state().key().orElseThrow(), notices))
        : Optional.empty();
  }

  /**
   * What the kept grant proves now (SPEC §16): Proven until its expiry when its chain verifies, it
   * is for this installation and CMID and was obtained with the installed key; Absent without a
   * grant; Refuted otherwise.
   */
  ActivationStanding standing(Product product, ProductState state, List<TrustedKey> trusted) {
    VmGuestRecord r = file.read(product.id());
    if (r.grant().isEmpty()) {
      return new ActivationStanding.Absent();
    }
    Optional<String> problem = problem(product.id(), state, r, trusted);
    if (problem.isPresent()) {
      return new ActivationStanding.Refuted(
          Failure.of(
              ErrorCode.STORE_TAMPERED,
              "the kept VM activation proves nothing: " + problem.get() + "."));
    }
    // lapsed, it names the host agent that did not renew it, not a volume host (0xC004F074)
    return new ActivationStanding.Proven(
        r.grant().get().grant().expiresAt(), ErrorCode.VM_ACTIVATION_EXPIRED);
  }

  private Optional<String> problem(
      String product, ProductState state, VmGuestRecord r, List<TrustedKey> trusted) {
    if (!r.keyFingerprint().equals(state.key().map(StoredKey::fingerprint))) {
      return Optional.of("it was obtained with another product key");
    }
    VmGrantCheck check =
        new VmGrantVerifier(trusted, client.catalog())
            .verify(
                r.grant().get(),
                product,
                state.installation().version(),
                state.installation().edition(),
                state.cmid());
    return check instanceof VmGrantCheck.Invalid invalid
        ? Optional.of(invalid.failure().message())
        : Optional.empty();
  }

  /**
   * The {@code vmGuest} block of {@code slmgr /dlv} for a guest with a VM activation key: the
   * channel, the host that activated it (id, version, edition) and the expiry; empty otherwise.
   */
  public static Optional<Map<String, Object>> block(KeywardClient embedded, String product) {
    return block(embedded.context(), product);
  }

  private static Optional<Map<String, Object>> block(ClientContext client, String product) {
    if (!(client.store().load(product) instanceof LocalStore.Read.Intact intact)
        || !applies(intact.state())) {
      return Optional.empty();
    }
    ProductState state = intact.state();
    VmGuestLicense license = new VmGuestLicense(client);
    VmGuestRecord r = license.file.read(product);
    Optional<String> problem =
        r.grant().isEmpty()
            ? Optional.empty()
            : license.problem(product, state, r, client.trust().keys());
    Optional<VmGrant> grant =
        problem.isPresent() ? Optional.empty() : r.grant().map(SignedVmGrant::grant);
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("vmHost", client.volumeNetwork().vmHost().get().orElse(null));
    block.put("hostId", grant.map(VmGrant::hostId).orElse(null));
    block.put("hostVersion", grant.map(VmGrant::hostVersion).orElse(null));
    block.put("hostEdition", grant.map(VmGrant::hostEdition).orElse(null));
    block.put("activatedAt", grant.map(g -> g.issuedAt().toString()).orElse(null));
    block.put("expiresAt", grant.map(g -> g.expiresAt().toString()).orElse(null));
    block.put("problem", problem.orElse(null));
    return Optional.of(block);
  }
}
