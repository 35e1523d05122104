package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.volume.VolumeGrant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The volume client's events in the store's {@code events.jsonl} (SPEC §11), with the stable ids
 * administrators filter on: 12288 a request was sent (to which host), 12289 an answer was processed
 * (result code, count, the host's intervals). The fields of every event ({@code at}, {@code event},
 * {@code state}, {@code reason}) come first, as the other events have them.
 */
final class VolumeEvents {
  static final int REQUEST_SENT = 12288;
  static final int ANSWER_PROCESSED = 12289;

  private VolumeEvents() {}

  static void requestSent(ClientContext client, ProductState state, String host, String source) {
    Map<String, Object> e = base(client, state, REQUEST_SENT, "VolumeRequestSent");
    e.put("host", host);
    e.put("source", source);
    e.put("cmid", state.cmid());
    client.store().appendEvent(state.installation().product(), e);
  }

  static void answer(
      ClientContext client,
      ProductState state,
      String host,
      ErrorCode refusal,
      Optional<Integer> count,
      Optional<VolumeGrant> grant) {
    Map<String, Object> e = base(client, state, ANSWER_PROCESSED, "VolumeAnswerProcessed");
    e.put("host", host);
    e.put("result", refusal == null ? "0x0" : refusal.hex());
    e.put("count", count.orElse(null));
    grant.ifPresent(
        g -> {
          e.put("hostId", g.hostId());
          e.put("expiresAt", g.expiresAt().toString());
          e.putAll(VolumeActivation.intervals(g));
        });
    client.store().appendEvent(state.installation().product(), e);
  }

  private static Map<String, Object> base(
      ClientContext client, ProductState state, int id, String name) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("at", client.clock().instant().toString());
    e.put("id", id);
    e.put("event", name);
    e.put("state", state.record().state().displayName());
    e.put("reason", state.record().reason() == null ? null : state.record().reason().hex());
    return e;
  }
}
