package dev.keyward.client;

/**
 * Volume client settings ({@code slmgr /skms}, {@code /skms-domain}, {@code /skhc}, {@code /sai},
 * {@code /sri}): where {@code /ato} looks for a volume activation host, and how often it asks.
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

  VolumeSettings withHost(String next) {
    return new VolumeSettings(
        next, domain, hostCaching, activationIntervalMinutes, renewalIntervalMinutes);
  }

  VolumeSettings withDomain(String next) {
    return new VolumeSettings(
        host, next, hostCaching, activationIntervalMinutes, renewalIntervalMinutes);
  }

  VolumeSettings withHostCaching(boolean next) {
    return new VolumeSettings(
        host, domain, next, activationIntervalMinutes, renewalIntervalMinutes);
  }

  VolumeSettings withActivationInterval(Long minutes) {
    return new VolumeSettings(host, domain, hostCaching, minutes, renewalIntervalMinutes);
  }

  VolumeSettings withRenewalInterval(Long minutes) {
    return new VolumeSettings(host, domain, hostCaching, activationIntervalMinutes, minutes);
  }
}
