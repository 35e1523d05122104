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
 * The public {@code volumeClientKeys} of a product: each must decode in its VOLUME_KMSCLIENT group.
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
      src.rejectUnknown(k, p, List.of("version", "edition", "key"));
      Optional<String> version = src.requiredString(k, p, "version");
      Optional<String> edition = src.requiredString(k, p, "edition");
      Optional<String> key = src.requiredString(k, p, "key");
      if (version.isEmpty() || edition.isEmpty() || key.isEmpty()) {
        continue;
      }
      Optional<KeyGroup> group =
          groups.stream()
              .filter(
                  g ->
                      g.channel() == Channel.VOLUME_KMSCLIENT
                          && g.version().equals(version.get())
                          && g.fitsEdition(edition.get()))
              .findFirst();
      if (group.isEmpty()) {
        src.problem(
            k, p, "no VOLUME_KMSCLIENT key group for " + version.get() + " " + edition.get());
        continue;
      }
      int expected = group.get().number();
      switch (ProductKeyCodec.decode(key.get(), n -> n == expected)) {
        case KeyDecoding.Decoded decoded ->
            keys.add(new VolumeClientKey(version.get(), edition.get(), decoded.key().display()));
        case KeyDecoding.Rejected rejected ->
            src.problem(
                k,
                join(p, "key"),
                "not a key of group " + expected + " (" + rejected.reason() + ")");
      }
    }
    return keys;
  }
}
