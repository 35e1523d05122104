package dev.keyward.client;

/**
 * Volume client settings ({@code slmgr /skms}, {@code /skms-domain}, {@code /skhc}, {@code /sai},
 * {@code /sri}). Placeholders until volume activation lands: kept and shown, not used yet.
 *
 * @param host fixed volume activation host ({@code HOST[:PORT]}), or null for DNS discovery
 * @param domain the domain to search for the SRV record, or null for the machine's
 * @param hostCaching whether the last host that answered is remembered
 * @param activationIntervalMinutes retry interval after a failure, or null for the product's
 * @param renewalIntervalMinutes renewal interval, or null for the product's
 */
public record VolumeSettings(
    String host,
    String domain,
    boolean hostCaching,
    Long activationIntervalMinutes,
    Long renewalIntervalMinutes) {
  public static VolumeSettings defaults() {
    return new VolumeSettings(null, null, true, null, null);
  }
}
