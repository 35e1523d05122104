package dev.keyward.core.catalog;

import static dev.keyward.core.yaml.YamlSource.join;

import dev.keyward.core.yaml.YamlSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** The {@code versions} and {@code editions} of a product, and the editions' conversion targets. */
final class EditionsReader {
  private final YamlSource src;

  EditionsReader(YamlSource src) {
    this.src = src;
  }

  List<String> readVersions(MappingNode m, String path) {
    String field = join(path, "versions");
    Optional<Node> node = src.required(m, path, "versions");
    if (node.isEmpty()) {
      return List.of();
    }
    List<String> versions = src.strings(node.get(), field);
    if (versions.isEmpty()) {
      src.problem(node.get(), field, "a product has at least one version");
    }
    for (int i = 1; i < versions.size(); i++) {
      String before = versions.get(i - 1);
      String after = versions.get(i);
      if (VersionOrder.INSTANCE.compare(before, after) >= 0) {
        src.problem(
            node.get(),
            field,
            "versions must be listed oldest first, each once: '"
                + after
                + "' comes after '"
                + before
                + "'");
      }
    }
    return versions;
  }

  List<Edition> readEditions(MappingNode m, String path) {
    String field = join(path, "editions");
    List<Node> items =
        src.required(m, path, "editions").map(n -> src.sequence(n, field)).orElse(List.of());
    List<Edition> editions = new ArrayList<>();
    Map<String, Node> targetNodes = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String p = field + "[" + i + "]";
      Optional<MappingNode> em = src.mapping(items.get(i), p);
      if (em.isEmpty()) {
        continue;
      }
      MappingNode e = em.get();
      src.rejectUnknown(e, p, List.of("id", "tier", "installType", "evaluation", "targets"));
      Optional<String> id = src.requiredString(e, p, "id");
      Optional<String> tier = src.requiredString(e, p, "tier");
      Optional<InstallType> type =
          src.requiredValue(
              e,
              p,
              "installType",
              InstallType::byName,
              CatalogLoader.unknownValue("desktop, core"));
      int evaluation = src.optionalInteger(e, p, "evaluation", 0, 3650).orElse(0);
      List<String> targets =
          src.field(e, "targets").map(n -> src.strings(n, join(p, "targets"))).orElse(List.of());
      if (id.isPresent() && !ids.add(id.get())) {
        src.problem(e, join(p, "id"), "edition '" + id.get() + "' is declared twice");
      }
      if (id.isPresent() && tier.isPresent() && type.isPresent()) {
        editions.add(new Edition(id.get(), tier.get(), type.get(), evaluation, targets));
        src.field(e, "targets").ifPresent(n -> targetNodes.put(id.get(), n));
      }
    }
    checkTargets(editions, targetNodes, field);
    return editions;
  }

  private void checkTargets(List<Edition> editions, Map<String, Node> targetNodes, String field) {
    Map<String, Edition> byId = new HashMap<>();
    editions.forEach(e -> byId.put(e.id(), e));
    for (int i = 0; i < editions.size(); i++) {
      Edition from = editions.get(i);
      Node node = targetNodes.get(from.id());
      String p = field + "[" + i + "].targets";
      Set<String> seen = new HashSet<>();
      for (String target : from.targets()) {
        Edition to = byId.get(target);
        if (to == null) {
          src.problem(
              node,
              p,
              "unknown edition '"
                  + target
                  + "' (declared: "
                  + String.join(", ", byId.keySet().stream().sorted().toList())
                  + ")");
        } else if (to.id().equals(from.id())) {
          src.problem(node, p, "an edition cannot be converted to itself");
        } else if (to.installType() != from.installType()) {
          src.problem(
              node,
              p,
              "'"
                  + from.id()
                  + "' ("
                  + from.installType().yamlName()
                  + ") cannot convert to '"
                  + target
                  + "' ("
                  + to.installType().yamlName()
                  + "): desktop and core installations never convert into each other");
        } else if (to.isEvaluation()) {
          src.problem(
              node, p, "conversion to an evaluation edition ('" + target + "') is not possible");
        }
        if (!seen.add(target)) {
          src.problem(node, p, "target '" + target + "' is listed twice");
        }
      }
    }
  }
}
