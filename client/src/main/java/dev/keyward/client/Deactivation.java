package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.license.LicenseEvent;
import dev.keyward.core.license.LicenseRecord;
import dev.keyward.core.protocol.DeactivateAnswer;
import dev.keyward.core.protocol.DeactivateRequest;
import dev.keyward.core.protocol.Parsed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Taking a key off the machine: {@code slmgr /upk} releases the activation at the authority (so
 * that a retail key can move) and removes the key; {@code slmgr /cpky} clears only its copy.
 */
final class Deactivation {
  private final ClientContext client;
  private final StoreSession sessions;

  Deactivation(ClientContext client) {
    this.client = client;
    this.sessions = client.sessions();
  }

  LicenseInfo uninstallKey() {
    List<String> notices = new ArrayList<>();
    Session s = sessions.open(notices);
    Instant now = client.clock().instant();
    LicenseRecord next =
        Transitions.refusedOrNext(
            s.machine().apply(s.state().record(), new LicenseEvent.KeyUninstalled(), now));
    StoredKey stored = s.state().key().orElseThrow();
    boolean activated = s.state().certificate().isPresent() || s.state().phone().isPresent();
    if (activated && stored.channel().activatesAtAuthority()) {
      release(s, stored, notices);
    }
    ProductState state =
        s.state().withRecord(next).withKey(Optional.empty()).withCertificate(Optional.empty());
    sessions.save(s, state);
    sessions.event(state, "KeyUninstalled", Map.of("partialKey", stored.partial()));
    return client.infos().build(s.with(state), notices);
  }

  /** Releases the activation at the authority; says so when it cannot. */
  private void release(Session s, StoredKey stored, List<String> notices) {
    Optional<ProductKey> key =
        stored.encrypted().flatMap(e -> client.store().secret().decrypt(e, s.product().id()));
    if (key.isEmpty()) {
      notices.add(
          "The activation could not be released at the authority: the key copy was cleared"
              + " from the store (/cpky). Ask support to release it if the key moves to another"
              + " machine.");
    } else {
      DeactivateRequest body =
          new DeactivateRequest(
              key.get().display(),
              Optional.of(s.product().id()),
              HardwareIdentity.of(client.machineFacts(), s.product().id()),
              Optional.of(s.state().cmid()));
      try {
        Parsed<DeactivateAnswer> answer =
            DeactivateAnswer.parse(
                client.connection().post("/v1/deactivate", body.toMap(), Optional.empty()));
        notices.add(
            "The activation was released at the authority"
                + (answer instanceof Parsed.Ok<DeactivateAnswer> ok
                    ? " (" + ok.value().activationId() + ")"
                    : "")
                + "; the key can be activated on another machine.");
      } catch (KeywardException e) {
        if (e.code() == ErrorCode.AUTHORITY_UNREACHABLE && s.state().phone().isPresent()) {
          // activated by phone: this machine may never reach the authority
          notices.add(
              "The activation could not be released at the authority (it cannot be reached)."
                  + " Ask support to release the key if it moves to another machine.");
        } else if (e.code() != ErrorCode.PKEY_NOT_INSTALLED) {
          throw e;
        } else {
          notices.add("The authority holds no active activation of this key for this machine.");
        }
      }
    }
  }

  LicenseInfo clearKey() {
    List<String> notices = new ArrayList<>();
    Session s = sessions.open(notices);
    ProductState state = s.state();
    if (state.key().isPresent() && state.key().get().encrypted().isPresent()) {
      state = state.withKey(state.key().map(StoredKey::withoutCopy));
      sessions.save(s, state);
      sessions.event(state, "KeyCopyCleared", Map.of("partialKey", state.key().get().partial()));
    } else {
      notices.add("There is no product key copy in the store to clear.");
    }
    return client.infos().build(s.with(state), notices);
  }
}
