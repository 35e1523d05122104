package dev.keyward.core.catalog;

/**
 * A public key of one version and edition that every machine of that edition may install: a volume
 * client key (channel VOLUME_KMSCLIENT), which activates against a volume activation host or a
 * directory activation object, or a host-based VM activation key (channel
 * VIRTUAL_MACHINE_ACTIVATION), which activates through the host agent of an activated Datacenter
 * host (SPEC §12).
 */
public record VolumeClientKey(String version, String edition, String key, Channel channel) {
  /** A volume client key (channel VOLUME_KMSCLIENT). */
  public VolumeClientKey(String version, String edition, String key) {
    this(version, edition, key, Channel.VOLUME_KMSCLIENT);
  }
}
