package dev.keyward.core.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Product family; it decides the volume activation threshold and which host keys apply. */
public enum Family {
  SERVER,
  CLIENT;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Family> byName(String name) {
    return Arrays.stream(values()).filter(f -> f.yamlName().equals(name.trim())).findFirst();
  }
}
