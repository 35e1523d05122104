package dev.keyward.core.catalog;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.yaml.YamlSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The public {@code volumeClientKeys} of a product (volume client keys and host-based VM activation
 * keys, by their {@code channel}): each must decode in a key group of its channel.
 */
final class VolumeClientKeysReader {
  private final YamlSource src;

  VolumeClientKeysReader(YamlSource src) {
    this.src = src;
  }

  List<VolumeClientKey> readVolumeClientKeys(
      MappingNode m,
      String path,
      List<String> versions,
      List<Edition> editions,
      List<KeyGroup> groups) {
    String field = join(path, "volumeClientKeys");
    List<Node> items =
        src.field(m, "volumeClientKeys").map(n -> src.sequence(n, field)).orElse(List.of());
    List<VolumeClientKey> keys = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String p = field + "[" + i + "]";
      Optional<MappingNode> km = src.mapping(items.get(i), p);
      if (km.isEmpty()) {
        continue;
      }
      MappingNode k = km.get();
      src.rejectUnknown(k, p, List.of("version", "edition", "key", "channel"));
      Optional<String> version = src.requiredString(k, p, "version");
      Optional<String> edition = src.requiredString(k, p, "edition");
      Optional<String> key = src.requiredString(k, p, "key");
      Optional<Channel> channel = volumeClientChannel(k, p);
      if (version.isEmpty() || edition.isEmpty() || key.isEmpty() || channel.isEmpty()) {
        continue;
      }
      Optional<KeyGroup> group =
          groups.stream()
              .filter(
                  g ->
                      g.channel() == channel.get()
                          && g.version().equals(version.get())
                          && g.fitsEdition(edition.get()))
              .findFirst();
      if (group.isEmpty()) {
        src.problem(
            k, p, "no " + channel.get() + " key group for " + version.get() + " " + edition.get());
        continue;
      }
      int expected = group.get().number();
      switch (ProductKeyCodec.decode(key.get(), n -> n == expected)) {
        case KeyDecoding.Decoded decoded ->
            keys.add(
                new VolumeClientKey(
                    version.get(), edition.get(), decoded.key().display(), channel.get()));
        case KeyDecoding.Rejected rejected ->
            src.problem(
                k,
                join(p, "key"),
                "not a key of group " + expected + " (" + rejected.reason() + ")");
      }
    }
    return keys;
  }

  /** A public key's channel: VOLUME_KMSCLIENT when left out, else a volume client channel. */
  private Optional<Channel> volumeClientChannel(MappingNode k, String p) {
    Optional<String> name = src.optionalString(k, p, "channel");
    if (name.isEmpty()) {
      return Optional.of(Channel.VOLUME_KMSCLIENT);
    }
    Optional<Channel> channel = Channel.byName(name.get()).filter(Channel::isVolumeClient);
    if (channel.isEmpty()) {
      src.problem(
          k,
          join(p, "channel"),
          "must be VOLUME_KMSCLIENT or VIRTUAL_MACHINE_ACTIVATION, not '" + name.get() + "'");
    }
    return channel;
  }
}
