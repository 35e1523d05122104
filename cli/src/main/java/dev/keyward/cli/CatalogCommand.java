package dev.keyward.cli;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.KeyGroup;
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
    root.ctx.out().println("keyward catalog volume-keys [--json]: the public volume client keys.");
  }

  /**
   * The public volume client keys, one per version and edition, and the editions that activate as
   * host-based VM activation clients (their keys come from the host, the catalog holds none).
   */
  @Command(
      name = "volume-keys",
      mixinStandardHelpOptions = true,
      description =
          "List the public volume client keys (slmgr /ipk KEY, then /ato against a volume host).")
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
          o.put("kind", Channel.VOLUME_KMSCLIENT.name());
          o.put("key", k.key());
          keys.add(o);
        }
      }
      if (root.json) {
        root.ctx.out().println(Json.write(Map.of("volumeKeys", keys)));
        return KeywardCli.OK;
      }
      root.ctx.out().println("Public volume client keys (" + c.source() + "):");
      root.ctx
          .out()
          .println(String.format("  %-10s %-8s %-22s %s", "PRODUCT", "VERSION", "EDITION", "KEY"));
      for (Map<String, Object> k : keys) {
        root.ctx
            .out()
            .println(
                String.format(
                    "  %-10s %-8s %-22s %s",
                    k.get("product"), k.get("version"), k.get("edition"), k.get("key")));
      }
      boolean vm =
          c.products().stream()
              .flatMap(p -> p.keyGroups().stream())
              .map(KeyGroup::channel)
              .anyMatch(ch -> ch == Channel.VIRTUAL_MACHINE_ACTIVATION);
      if (vm) {
        root.ctx
            .out()
            .println(
                "Host-based VM activation keys are not published in this catalog: a VM's key comes"
                    + " from its host.");
      }
      return KeywardCli.OK;
    }
  }
}
