package dev.keyward.cli;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.catalog.VolumeClientKey;
import dev.keyward.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code keyward catalog volume-keys}: what the catalog publishes for volume clients. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "What the product catalog publishes.",
    subcommands = {CatalogCommand.VolumeKeys.class})
final class CatalogCommand implements Runnable {
  @ParentCommand KeywardCommand root;

  @Override
  public void run() {
    root.ctx
        .out()
        .println(
            "keyward catalog volume-keys [--json]: the public volume client and VM activation keys.");
  }

  /**
   * The public volume client keys and host-based VM activation keys, one per version and edition
   * ({@code kind}: VOLUME_KMSCLIENT or VIRTUAL_MACHINE_ACTIVATION).
   */
  @Command(
      name = "volume-keys",
      mixinStandardHelpOptions = true,
      description =
          "List the public volume client and host-based VM activation keys (slmgr /ipk KEY, then /ato).")
  static final class VolumeKeys implements Callable<Integer> {
    @ParentCommand CatalogCommand catalog;

    @Override
    public Integer call() {
      KeywardCommand root = catalog.root;
      Catalog c = CatalogLoader.winserver();
      List<Map<String, Object>> keys = new ArrayList<>();
      for (Product p : c.products()) {
        for (VolumeClientKey k : p.volumeClientKeys()) {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("product", p.id());
          o.put("version", k.version());
          o.put("edition", k.edition());
          o.put("kind", k.channel().name());
          o.put("key", k.key());
          keys.add(o);
        }
      }
      if (root.json) {
        root.ctx.out().println(Json.write(Map.of("volumeKeys", keys)));
        return KeywardCli.OK;
      }
      root.ctx.out().println("Public volume client keys (" + c.source() + "):");
      table(root, keys, Channel.VOLUME_KMSCLIENT);
      root.ctx
          .out()
          .println(
              "Public host-based VM activation keys (a guest of an activated Datacenter host,"
                  + " keyward vm-host serve):");
      table(root, keys, Channel.VIRTUAL_MACHINE_ACTIVATION);
      return KeywardCli.OK;
    }

    private static void table(KeywardCommand root, List<Map<String, Object>> keys, Channel kind) {
      String format = "  %-10s %-8s %-22s %s";
      root.ctx.out().println(String.format(format, "PRODUCT", "VERSION", "EDITION", "KEY"));
      for (Map<String, Object> k : keys) {
        if (kind.name().equals(k.get("kind"))) {
          root.ctx
              .out()
              .println(
                  String.format(
                      format, k.get("product"), k.get("version"), k.get("edition"), k.get("key")));
        }
      }
    }
  }
}
