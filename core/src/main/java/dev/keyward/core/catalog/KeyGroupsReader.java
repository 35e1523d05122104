package dev.keyward.core.catalog;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.yaml.YamlSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code keyGroups} of the products, checked against the product's versions, editions and
 * channels, and across products: a key's group number alone must name one group of the whole
 * catalog, so one reader reads every product's groups.
 */
final class KeyGroupsReader {
  private final YamlSource src;
  private final Map<Integer, String> groupOwners = new HashMap<>();

  KeyGroupsReader(YamlSource src) {
    this.src = src;
  }

  List<KeyGroup> readKeyGroups(
      MappingNode m,
      String path,
      String product,
      List<String> versions,
      List<Edition> editions,
      Map<Channel, ChannelPolicy> channels) {
    String field = join(path, "keyGroups");
    List<Node> items =
        src.required(m, path, "keyGroups").map(n -> src.sequence(n, field)).orElse(List.of());
    List<KeyGroup> groups = new ArrayList<>();
    Set<String> triples = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String p = field + "[" + i + "]";
      Optional<MappingNode> gm = src.mapping(items.get(i), p);
      if (gm.isEmpty()) {
        continue;
      }
      MappingNode g = gm.get();
      Optional<KeyGroup> group = readKeyGroup(g, p, product, versions, editions, channels);
      if (group.isPresent()) {
        KeyGroup k = group.get();
        String triple = k.version() + "/" + k.edition().orElse("*") + "/" + k.channel();
        if (!triples.add(triple)) {
          src.problem(g, p, "a key group for " + triple.replace('/', ' ') + " is declared twice");
        }
        groups.add(k);
      }
    }
    return groups;
  }

  /** One entry of {@code keyGroups}; empty (with its problems recorded) when it is not valid. */
  private Optional<KeyGroup> readKeyGroup(
      MappingNode g,
      String p,
      String product,
      List<String> versions,
      List<Edition> editions,
      Map<Channel, ChannelPolicy> channels) {
    src.rejectUnknown(g, p, List.of("group", "version", "edition", "channel"));
    Optional<Integer> number = src.requiredInteger(g, p, "group", 0, 65_535);
    Optional<String> version = src.requiredString(g, p, "version");
    Optional<String> edition = src.optionalString(g, p, "edition");
    Optional<Channel> channel =
        src.requiredValue(
            g,
            p,
            "channel",
            Channel::byName,
            CatalogLoader.unknownValue(ChannelsReader.CHANNEL_NAMES));
    boolean ok = number.isPresent() && version.isPresent() && channel.isPresent();
    if (version.isPresent() && !versions.contains(version.get())) {
      src.problem(
          g,
          join(p, "version"),
          "unknown version '"
              + version.get()
              + "' (declared: "
              + String.join(", ", versions)
              + ")");
      ok = false;
    }
    if (channel.isPresent() && !channels.containsKey(channel.get())) {
      src.problem(
          g, join(p, "channel"), "channel " + channel.get() + " is not declared under channels");
      ok = false;
    }
    if (channel.isPresent()) {
      ok &= checkGroupEdition(g, p, edition, channel.get(), editions);
    }
    if (number.isPresent()) {
      String owner = groupOwners.putIfAbsent(number.get(), product + " " + p);
      if (owner != null) {
        src.problem(g, join(p, "group"), "group " + number.get() + " is already used by " + owner);
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(new KeyGroup(number.get(), product, version.get(), edition, channel.get()));
  }

  private boolean checkGroupEdition(
      MappingNode g, String p, Optional<String> edition, Channel channel, List<Edition> editions) {
    if (channel == Channel.VOLUME_KMS_HOST) {
      if (edition.isPresent()) {
        src.problem(
            g,
            join(p, "edition"),
            "volume host keys are for every edition of the family: leave edition out");
        return false;
      }
      return true;
    }
    if (edition.isEmpty()) {
      src.problem(g, join(p, "edition"), "missing (required for " + channel + " keys)");
      return false;
    }
    Optional<Edition> e = editions.stream().filter(x -> x.id().equals(edition.get())).findFirst();
    if (e.isEmpty()) {
      src.problem(g, join(p, "edition"), "unknown edition '" + edition.get() + "'");
      return false;
    }
    boolean evalChannel = channel == Channel.TIMEBASED_EVAL;
    if (e.get().isEvaluation() != evalChannel) {
      src.problem(
          g,
          join(p, "channel"),
          evalChannel
              ? "TIMEBASED_EVAL keys are only for evaluation editions; '"
                  + e.get().id()
                  + "' is not one"
              : "evaluation edition '" + e.get().id() + "' takes only TIMEBASED_EVAL keys");
      return false;
    }
    return true;
  }
}
