package dev.keyward.core.hardware;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ten hardware components that make up a machine's identity. Each has the short name used in
 * machine files, command-line flags and messages ({@code uuid}, {@code nic}, ...).
 */
public enum Component {
  UUID("uuid", "SMBIOS UUID"),
  SERIAL("serial", "system serial number"),
  BASEBOARD("baseboard", "baseboard serial number"),
  CPU("cpu", "CPU identity"),
  RAM("ram", "RAM size bucket"),
  DISK("disk", "system-disk serial number"),
  CONTROLLER("controller", "storage-controller type"),
  NIC("nic", "primary NIC MAC address"),
  DISPLAY("display", "display adapter"),
  VOLUME("volume", "system-volume serial number");

  private final String fileName;
  private final String description;

  Component(String fileName, String description) {
    this.fileName = fileName;
    this.description = description;
  }

  /** The name in files, flags and messages, e.g. {@code controller}. */
  public String fileName() {
    return fileName;
  }

  /** What the component is, for people: e.g. {@code storage-controller type}. */
  public String description() {
    return description;
  }

  /** The component with this file name; names are exact (lower case), as they are written. */
  public static Optional<Component> byName(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
  }

  // Every request names the ten components: a lookup, not a stream over values() each time.
  private static final Map<String, Component> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(c -> c.fileName, c -> c));

  /** Every file name, comma separated, in the order above: for "expected one of" messages. */
  public static String allNames() {
    return Arrays.stream(values()).map(Component::fileName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return fileName;
  }
}
