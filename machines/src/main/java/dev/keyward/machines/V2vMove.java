package dev.keyward.machines;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.MachineFacts;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The rule of {@link LabProfile#migrate}: which components a move to another platform replaces. */
final class V2vMove {
  /** Supplied by the hypervisor, so replaced by a move: virtual firmware and virtual devices. */
  static final Set<Component> REPLACED =
      Collections.unmodifiableSet(
          EnumSet.of(
              Component.UUID,
              Component.SERIAL,
              Component.CONTROLLER,
              Component.NIC,
              Component.DISPLAY));

  private V2vMove() {}

  /**
   * {@code source} moved onto a platform whose fresh machine is {@code target}: each replaced
   * component not kept comes from {@code target} (absent there means absent after the move), every
   * other component from {@code source}.
   */
  static MachineFacts apply(MachineFacts source, MachineFacts target, Set<Component> keep) {
    Map<Component, String> moved = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      MachineFacts from =
          REPLACED.contains(component) && !keep.contains(component) ? target : source;
      from.component(component).ifPresent(value -> moved.put(component, value));
    }
    return new MachineFacts(moved, target.oemMarker(), true);
  }
}
