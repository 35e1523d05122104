package dev.keyward.core.catalog;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.yaml.YamlSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** The {@code channels} of a product, with each channel's policy (defaults where left out). */
final class ChannelsReader {
  /** Every channel name, for "expected one of" messages. */
  static final String CHANNEL_NAMES =
      "RETAIL, OEM, VOLUME_MAK, VOLUME_KMSCLIENT, VOLUME_KMS_HOST, TIMEBASED_EVAL,"
          + " VIRTUAL_MACHINE_ACTIVATION";

  private final YamlSource src;

  ChannelsReader(YamlSource src) {
    this.src = src;
  }

  Map<Channel, ChannelPolicy> readChannels(MappingNode m, String path) {
    String field = join(path, "channels");
    Map<Channel, ChannelPolicy> channels = new EnumMap<>(Channel.class);
    Optional<MappingNode> cm =
        src.required(m, path, "channels").flatMap(n -> src.mapping(n, field));
    if (cm.isEmpty()) {
      return channels;
    }
    for (Map.Entry<String, NodeTuple> entry : src.entries(cm.get()).entrySet()) {
      String p = join(field, entry.getKey());
      Optional<Channel> channel = Channel.byName(entry.getKey());
      if (channel.isEmpty()) {
        src.problem(
            entry.getValue().getKeyNode(),
            p,
            "unknown channel (expected one of " + CHANNEL_NAMES + ")");
        continue;
      }
      ChannelPolicy d = ChannelPolicy.defaults(channel.get());
      Node value = entry.getValue().getValueNode();
      if (value instanceof ScalarNode s && s.getValue().isEmpty()) {
        channels.put(channel.get(), d);
        continue;
      }
      Optional<MappingNode> pm = src.mapping(value, p);
      if (pm.isEmpty()) {
        continue;
      }
      src.rejectUnknown(
          pm.get(),
          p,
          List.of("defaultPool", "extensionLimit", "hosts", "activationsPerHost", "oemMarker"));
      channels.put(
          channel.get(),
          new ChannelPolicy(
              channel.get(),
              src.optionalInteger(pm.get(), p, "defaultPool", 1, 1_000_000).orElse(d.defaultPool()),
              src.optionalInteger(pm.get(), p, "extensionLimit", 0, 1_000_000)
                  .orElse(d.extensionLimit()),
              src.optionalInteger(pm.get(), p, "hosts", 1, 10_000).orElse(d.hosts()),
              src.optionalInteger(pm.get(), p, "activationsPerHost", 1, 10_000)
                  .orElse(d.activationsPerHost()),
              src.optionalString(pm.get(), p, "oemMarker")));
    }
    if (channels.containsKey(Channel.OEM) && channels.get(Channel.OEM).oemMarker().isEmpty()) {
      src.problem(
          cm.get(),
          join(field, "OEM"),
          "the OEM channel needs an oemMarker (the firmware marker OEM keys require)");
    }
    return channels;
  }
}
