package dev.keyward.volumehost;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Family;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.json.Json;
import dev.keyward.core.volume.VolumeHostRules;
import dev.keyward.core.volume.VolumeInventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host block of {@code slmgr /dlv} ({@code --json}: {@code volumeHost}), read from the host
 * store's files, so it shows whether the host runs or not: the count per family (replayed from the
 * journal at {@code now}), the threshold, the port, DNS publishing, and requests received and
 * failed by result code and HTTP status (since the host last started).
 */
public final class HostReport {
  private HostReport() {}

  /** The block, or empty when this store never served as a volume host. */
  public static Optional<Map<String, Object>> read(HostFiles files, Catalog catalog, Instant now) {
    if (!Files.isRegularFile(files.status()) && !Files.isRegularFile(files.journal())) {
      return Optional.empty();
    }
    Map<String, Object> status = Map.of();
    try {
      if (Files.isRegularFile(files.status())) {
        status =
            Json.readObject(Files.readString(files.status(), StandardCharsets.UTF_8))
                .orElse(Map.of());
      }
      VolumeInventory inventory =
          Files.isRegularFile(files.journal())
              ? CountJournal.read(files.journal(), VolumeHostRules.keep(catalog))
              : VolumeInventory.empty();
      Map<String, Object> block = new LinkedHashMap<>();
      Map<String, Object> counts = new LinkedHashMap<>();
      Map<String, Object> thresholds = new LinkedHashMap<>();
      for (Family family : Family.values()) {
        List<Product> products =
            catalog.products().stream().filter(p -> p.family() == family).toList();
        if (!products.isEmpty()) {
          counts.put(family.yamlName(), inventory.count(family, now));
          thresholds.put(
              family.yamlName(),
              products.stream().mapToInt(p -> p.volume().threshold()).max().orElse(0));
        }
      }
      block.put("counts", counts);
      block.put("thresholds", thresholds);
      Optional<Product> own = catalog.product(files.product());
      block.put("count", own.map(p -> counts.get(p.family().yamlName())).orElse(null));
      block.put("threshold", own.map(p -> p.volume().threshold()).orElse(null));
      block.put("keep", VolumeHostRules.keep(catalog));
      for (String field :
          List.of(
              "running",
              "activated",
              "hostId",
              "notActivatedReason",
              "url",
              "bind",
              "port",
              "startedAt",
              "updatedAt",
              "publishing",
              "requests")) {
        block.put(field, status.get(field));
      }
      block.put("journal", files.journal().toString());
      return Optional.of(block);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The block as {@code slmgr /dlv} prints it, one line each. */
  @SuppressWarnings("unchecked")
  public static List<String> lines(Map<String, Object> block) {
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("Volume activation host:");
    out.add("    Host id: " + orDash(block.get("hostId")));
    out.add(
        "    Activated: "
            + (Boolean.TRUE.equals(block.get("activated"))
                ? "yes"
                : "no"
                    + (block.get("notActivatedReason") == null
                        ? ""
                        : " (" + block.get("notActivatedReason") + ")")));
    out.add(
        "    Listening: "
            + orDash(block.get("url"))
            + (Boolean.TRUE.equals(block.get("running")) ? "" : " (not running)"));
    out.add("    Listening port: " + orDash(block.get("port")));
    Map<String, Object> counts = (Map<String, Object>) block.get("counts");
    Map<String, Object> thresholds = (Map<String, Object>) block.get("thresholds");
    counts.forEach(
        (family, n) ->
            out.add(
                "    Current count ("
                    + family
                    + "): "
                    + n
                    + " (threshold "
                    + thresholds.get(family)
                    + ", keeps the "
                    + block.get("keep")
                    + " most recent machines)"));
    if (block.get("publishing") instanceof Map<?, ?> p) {
      out.add(
          "    DNS publishing: "
              + p.get("record")
              + " -> "
              + p.get("target")
              + " via "
              + p.get("dnsServer")
              + (Boolean.TRUE.equals(p.get("tsig")) ? " (TSIG)" : "")
              + ": "
              + p.get("state")
              + (p.get("detail") == null ? "" : " (" + p.get("detail") + ")"));
    } else {
      out.add("    DNS publishing: disabled");
    }
    if (block.get("requests") instanceof Map<?, ?> r) {
      out.add("    Total requests received: " + r.get("received"));
      out.add("    Requests granted: " + r.get("granted"));
      out.add("    Failed requests received: " + r.get("failed"));
      if (r.get("failedByCode") instanceof Map<?, ?> byCode) {
        byCode.forEach((code, n) -> out.add("        " + code + ": " + n));
      }
      if (r.get("failedByStatus") instanceof Map<?, ?> byStatus) {
        byStatus.forEach((status, n) -> out.add("        HTTP " + status + ": " + n));
      }
    }
    return out;
  }

  private static String orDash(Object o) {
    return o == null ? "-" : o.toString();
  }
}
