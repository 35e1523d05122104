package dev.keyward.core.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Desktop experience or core installation. An installation never converts from one to the other
 * (the binaries differ), whatever the catalog says about editions.
 */
public enum InstallType {
  DESKTOP,
  CORE;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<InstallType> byName(String name) {
    return Arrays.stream(values()).filter(t -> t.yamlName().equals(name.trim())).findFirst();
  }
}
