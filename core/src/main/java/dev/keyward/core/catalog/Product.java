package dev.keyward.core.catalog;

import dev.keyward.core.hardware.TolerancePolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A licensed product as its catalog declares it (SPEC §2). Immutable; built by the loader. */
public record Product(
    String id,
    String name,
    Family family,
    List<String> versions,
    List<Edition> editions,
    Map<Channel, ChannelPolicy> channels,
    List<KeyGroup> keyGroups,
    List<VolumeClientKey> volumeClientKeys,
    TolerancePolicy hardware,
    VolumePolicy volume,
    GracePolicy grace,
    Optional<String> activationUrl,
    List<TrustedKey> trustedKeys,
    List<TrustedPhoneKey> trustedPhoneKeys) {

  public Product {
    versions = List.copyOf(versions);
    editions = List.copyOf(editions);
    channels = Map.copyOf(channels);
    keyGroups = List.copyOf(keyGroups);
    volumeClientKeys = List.copyOf(volumeClientKeys);
    trustedKeys = List.copyOf(trustedKeys);
    trustedPhoneKeys = List.copyOf(trustedPhoneKeys);
  }

  /** A product declared without phone activation keys (they come from the authority's trust). */
  public Product(
      String id,
      String name,
      Family family,
      List<String> versions,
      List<Edition> editions,
      Map<Channel, ChannelPolicy> channels,
      List<KeyGroup> keyGroups,
      List<VolumeClientKey> volumeClientKeys,
      TolerancePolicy hardware,
      VolumePolicy volume,
      GracePolicy grace,
      Optional<String> activationUrl,
      List<TrustedKey> trustedKeys) {
    this(
        id,
        name,
        family,
        versions,
        editions,
        channels,
        keyGroups,
        volumeClientKeys,
        hardware,
        volume,
        grace,
        activationUrl,
        trustedKeys,
        List.of());
  }

  public Optional<Edition> edition(String editionId) {
    for (Edition e : editions) { // a handful: a loop, asked at every activation
      if (e.id().equals(editionId)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public boolean hasVersion(String version) {
    return versions.contains(version);
  }

  /** Negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}. */
  public int compareVersions(String a, String b) {
    return Integer.compare(versions.indexOf(a), versions.indexOf(b));
  }

  public Optional<ChannelPolicy> channel(Channel channel) {
    return Optional.ofNullable(channels.get(channel));
  }

  public Optional<KeyGroup> keyGroup(String version, String editionId, Channel channel) {
    return keyGroups.stream()
        .filter(g -> g.version().equals(version) && g.channel() == channel)
        .filter(g -> g.edition().map(e -> e.equals(editionId)).orElse(true))
        .findFirst();
  }

  /** The public volume client key (VOLUME_KMSCLIENT) of this version and edition. */
  public Optional<VolumeClientKey> volumeClientKey(String version, String editionId) {
    return publicKey(version, editionId, Channel.VOLUME_KMSCLIENT);
  }

  /**
   * The public key of this version, edition and volume client channel, when the catalog has one.
   */
  public Optional<VolumeClientKey> publicKey(String version, String editionId, Channel channel) {
    return volumeClientKeys.stream()
        .filter(k -> k.version().equals(version) && k.edition().equals(editionId))
        .filter(k -> k.channel() == channel)
        .findFirst();
  }
}
