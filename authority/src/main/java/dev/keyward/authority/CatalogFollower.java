package dev.keyward.authority;

import dev.keyward.authority.store.Database;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoad;
import dev.keyward.core.catalog.CatalogLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several nodes over one database (docs/scale-out.md): a catalog uploaded to one node ({@code PUT
 * /v1/admin/catalog}) is stored in the database; every other node started without {@code --catalog}
 * notices the new row within {@link #PERIOD_SECONDS} and serves it too. A node started with {@code
 * --catalog} serves its file, as before, and follows nothing.
 */
final class CatalogFollower implements AutoCloseable {
  static final int PERIOD_SECONDS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(CatalogFollower.class);

  private final Database db;
  private final Store store;
  private final AtomicReference<Catalog> catalog;
  private final ScheduledExecutorService timer;
  private long seen;

  CatalogFollower(Database db, Store store, AtomicReference<Catalog> catalog) {
    this.db = db;
    this.store = store;
    this.catalog = catalog;
    this.seen = latestId();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "keyward-catalog-follower");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::poll, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  private long latestId() {
    return db.read(
        (Handle h) ->
            h.createQuery("SELECT COALESCE(MAX(id), 0) FROM catalogs").mapTo(Long.class).one());
  }

  /** Loads the newest stored catalog if another node stored one since the last look. */
  void poll() {
    try {
      long latest = latestId();
      if (latest == seen) {
        return;
      }
      seen = latest;
      db.read(store.catalogs()::latestCatalog)
          .ifPresent(
              row -> {
                CatalogLoad load =
                    row.content().isEmpty() && row.source().startsWith("builtin:")
                        ? CatalogLoader.builtin(row.source())
                        : CatalogLoader.load(row.content().orElse(""), row.source());
                switch (load) {
                  case CatalogLoad.Loaded loaded -> {
                    catalog.set(loaded.catalog());
                    LOG.info("serving the catalog {} stored by another node", row.source());
                  }
                  case CatalogLoad.Invalid invalid ->
                      LOG.warn(
                          "the stored catalog {} is invalid; kept the current one", row.source());
                }
              });
    } catch (RuntimeException e) {
      LOG.warn("catalog check failed (the database is away?): {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
