package dev.keyward.core.catalog;

import java.util.Optional;

/** How a key activates (SPEC §6). The names are the ones `slmgr /dlv` shows as the key channel. */
public enum Channel {
  RETAIL,
  OEM,
  VOLUME_MAK,
  VOLUME_KMSCLIENT,
  VOLUME_KMS_HOST,
  TIMEBASED_EVAL,
  VIRTUAL_MACHINE_ACTIVATION;

  /** Volume clients renew their activation and fall back to a 30-day grace when it lapses. */
  public boolean isVolumeClient() {
    return this == VOLUME_KMSCLIENT || this == VIRTUAL_MACHINE_ACTIVATION;
  }

  /** Channels whose keys the activation authority itself activates. */
  public boolean activatesAtAuthority() {
    return this == RETAIL || this == OEM || this == VOLUME_MAK || this == VOLUME_KMS_HOST;
  }

  private static final Channel[] VALUES = values();

  public static Optional<Channel> byName(String name) {
    String trimmed = name.trim();
    for (Channel c : VALUES) {
      if (c.name().equalsIgnoreCase(trimmed)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
