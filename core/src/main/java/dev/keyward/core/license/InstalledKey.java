package dev.keyward.core.license;

/**
 * Which kind of product key the user installed, as far as the timers care: none, or a key of a
 * volume channel, or of another channel (retail, OEM, multiple activation). The key itself (hash,
 * partial key, exact channel) lives in the client store, not here.
 *
 * <p>An evaluation edition runs on its built-in evaluation key and has {@link #NONE}: it accepts no
 * other key until it is converted.
 */
public enum InstalledKey {
  NONE,
  NON_VOLUME,
  VOLUME;

  public static InstalledKey of(boolean volume) {
    return volume ? VOLUME : NON_VOLUME;
  }

  public boolean isInstalled() {
    return this != NONE;
  }

  public boolean isVolume() {
    return this == VOLUME;
  }
}
