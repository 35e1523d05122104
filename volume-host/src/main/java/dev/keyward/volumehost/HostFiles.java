package dev.keyward.volumehost;

import dev.keyward.client.LocalStore;
import java.nio.file.Path;

/**
 * Where a volume host keeps its files in the host store: {@code volume-host.url} at the store's
 * root (where the running host listens), and under {@code <product>/volume-host/} the count journal
 * {@code counts.jsonl} and the {@code status.json} that {@code slmgr /dlv} reads.
 */
public record HostFiles(Path storeRoot, String product) {
  public static final String URL_FILE = "volume-host.url";

  public static HostFiles of(LocalStore store, String product) {
    return new HostFiles(store.root(), product);
  }

  public Path url() {
    return storeRoot.resolve(URL_FILE);
  }

  public Path dir() {
    return storeRoot.resolve(product).resolve("volume-host");
  }

  public Path journal() {
    return dir().resolve("counts.jsonl");
  }

  public Path status() {
    return dir().resolve("status.json");
  }

  public Path events() {
    return storeRoot.resolve(product).resolve("events.jsonl");
  }
}
