package dev.keyward.volumehost.console;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.volumehost.HostFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The console's route table, as the tests walk it. */
final class RouteTable {
  private RouteTable() {}

  static List<Route> routes() {
    ConsoleContext context =
        new ConsoleContext(
            CatalogLoader.winserver(),
            new HostFiles(Path.of("unused-store"), "winserver"),
            List.of(),
            Clock.systemUTC(),
            null);
    return new SiteConsole(context).routes();
  }
}
