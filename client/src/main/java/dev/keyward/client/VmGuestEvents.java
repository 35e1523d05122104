package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.vmhost.VmGrant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The guest's event of host-based VM activation in the store's {@code events.jsonl} (SPEC §12):
 * 12309, an activation request to the host agent was processed, with the channel, the result code
 * and, when granted, the host's id, version and edition and the expiry.
 */
final class VmGuestEvents {
  static final int ACTIVATION_PROCESSED = 12309;

  private VmGuestEvents() {}

  static void processed(
      ClientContext client,
      ProductState state,
      String channel,
      ErrorCode refusal,
      Optional<VmGrant> grant) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("at", client.clock().instant().toString());
    e.put("id", ACTIVATION_PROCESSED);
    e.put("event", "VmActivationProcessed");
    e.put("state", state.record().state().displayName());
    e.put("reason", state.record().reason() == null ? null : state.record().reason().hex());
    e.put("vmHost", channel);
    e.put("result", refusal == null ? "0x0" : refusal.hex());
    e.put("edition", state.installation().edition());
    grant.ifPresent(
        g -> {
          e.put("hostId", g.hostId());
          e.put("hostVersion", g.hostVersion());
          e.put("hostEdition", g.hostEdition());
          e.put("expiresAt", g.expiresAt().toString());
        });
    client.store().appendEvent(state.installation().product(), e);
  }
}
