package dev.keyward.core.hardware;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw facts of one machine: the value of each component it reports, its OEM marker and whether
 * it is a simulated (lab) machine. These values identify a real machine and stay on it; only the
 * salted hashes of {@link HardwareIdentity} are ever sent anywhere.
 *
 * <p>A component the machine does not report (common in containers and VMs) is simply not in {@code
 * components}; a present value is never blank, so "absent" has one spelling.
 *
 * @param components the value of each component the machine reports
 * @param oemMarker the vendor marker in the firmware, if any (OEM keys need the matching one)
 * @param simulated true for machines made by a lab profile or read from a machine file
 */
public record MachineFacts(
    Map<Component, String> components, Optional<String> oemMarker, boolean simulated) {

  public MachineFacts {
    Objects.requireNonNull(components, "components");
    Objects.requireNonNull(oemMarker, "oemMarker");
    components.forEach(
        (component, value) -> {
          Objects.requireNonNull(component, "component");
          requireNonBlank(value, component.fileName());
        });
    oemMarker.ifPresent(marker -> requireNonBlank(marker, "oemMarker"));
    // EnumMap keeps the components in their canonical order for files and messages.
    components = Collections.unmodifiableMap(copyOf(components));
  }

  /** The value of {@code component}, or empty when the machine does not report it. */
  public Optional<String> component(Component component) {
    return Optional.ofNullable(components.get(component));
  }

  /** The same machine with {@code component} set to {@code value}. */
  public MachineFacts with(Component component, String value) {
    Map<Component, String> changed = copyOf(components);
    changed.put(component, value);
    return new MachineFacts(changed, oemMarker, simulated);
  }

  /** The same machine without {@code component}, as if it stopped reporting it. */
  public MachineFacts without(Component component) {
    Map<Component, String> changed = copyOf(components);
    changed.remove(component);
    return new MachineFacts(changed, oemMarker, simulated);
  }

  private static EnumMap<Component, String> copyOf(Map<Component, String> components) {
    EnumMap<Component, String> copy = new EnumMap<>(Component.class);
    copy.putAll(components);
    return copy;
  }

  private static void requireNonBlank(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank; leave it out when absent");
    }
  }
}
