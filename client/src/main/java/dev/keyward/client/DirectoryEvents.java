package dev.keyward.client;

import dev.keyward.core.directory.ActivationObject;
import dev.keyward.core.error.Failure;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A volume client's directory events in {@code events.jsonl} (SPEC §12), numbered after the volume
 * client's 12288/12289 and the host's 12290-12294: 12295 the client activated from an activation
 * object (its name and DN), 12296 a directory check found none it can use (the code and why; the
 * client then asks volume hosts).
 */
final class DirectoryEvents {
  static final int ACTIVATED_FROM_OBJECT = 12295;
  static final int CHECK_FAILED = 12296;

  private DirectoryEvents() {}

  static void activated(
      ClientContext client, ProductState state, ActivationObject o, String dn, Instant until) {
    Map<String, Object> e = base(client, state, ACTIVATED_FROM_OBJECT, "DirectoryActivated");
    e.put("object", o.name());
    e.put("dn", dn);
    e.put("hostProduct", o.product() + " " + o.version());
    e.put("expiresAt", until.toString());
    client.store().appendEvent(state.installation().product(), e);
  }

  static void checkFailed(
      ClientContext client, ProductState state, String directory, Failure failure) {
    Map<String, Object> e = base(client, state, CHECK_FAILED, "DirectoryCheckFailed");
    e.put("directory", directory);
    e.put("result", failure.error().hex());
    e.put("detail", failure.detail());
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
