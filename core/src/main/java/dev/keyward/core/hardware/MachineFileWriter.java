package dev.keyward.core.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Writes machine files. Values are always double-quoted so that no serial, MAC or UUID can be read
 * back as a number, a boolean or a date, and the YAML emitter escapes whatever needs escaping.
 */
final class MachineFileWriter {
  private MachineFileWriter() {}

  static String write(MachineFacts facts, Optional<String> profile) {
    List<NodeTuple> root = new ArrayList<>();
    profile.ifPresent(p -> root.add(entry("profile", name(p))));
    root.add(
        entry("simulated", new ScalarNode(Tag.BOOL, facts.simulated() + "", ScalarStyle.PLAIN)));
    facts.oemMarker().ifPresent(marker -> root.add(entry("oemMarker", quoted(marker))));
    List<NodeTuple> components = new ArrayList<>();
    for (Map.Entry<Component, String> component : facts.components().entrySet()) {
      components.add(entry(component.getKey().fileName(), quoted(component.getValue())));
    }
    root.add(entry("components", new MappingNode(Tag.MAP, components, FlowStyle.BLOCK)));
    return dump(new MappingNode(Tag.MAP, root, FlowStyle.BLOCK));
  }

  private static String dump(Node node) {
    // Long values stay on one line: easier to read, diff and grep than folded quoted text.
    DumpSettings settings = DumpSettings.builder().setSplitLines(false).build();
    StringBuilder text = new StringBuilder();
    new Dump(settings)
        .dumpNode(
            node,
            new StreamDataWriter() {
              @Override
              public void write(String str) {
                text.append(str);
              }

              @Override
              public void write(String str, int off, int len) {
                text.append(str, off, off + len);
              }
            });
    return text.toString();
  }

  private static NodeTuple entry(String key, Node value) {
    return new NodeTuple(name(key), value);
  }

  private static ScalarNode name(String text) {
    return new ScalarNode(Tag.STR, text, ScalarStyle.PLAIN);
  }

  private static ScalarNode quoted(String text) {
    return new ScalarNode(Tag.STR, text, ScalarStyle.DOUBLE_QUOTED);
  }
}
