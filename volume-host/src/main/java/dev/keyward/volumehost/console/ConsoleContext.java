package dev.keyward.volumehost.console;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.volumehost.HostFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What the console reads and writes of the host: its catalog, its store's files, the authority keys
 * it trusts (to check a proxy response's signature), its clock and its sign-in token.
 */
public record ConsoleContext(
    Catalog catalog,
    HostFiles files,
    List<TrustedKey> trustedKeys,
    Clock clock,
    ConsoleToken token) {

  /** Where the console keeps the machines added from their /dlv output. */
  Path siteMachines() {
    return files.dir().resolve("site-machines.json");
  }

  /** Where the console token lives in a host store. */
  public static Path tokenFile(HostFiles files) {
    return files.storeRoot().resolve("volume-host").resolve("console-token");
  }
}
