package dev.keyward.authority.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of uploaded catalogs (table {@code catalogs}), on the caller's handle. */
public final class CatalogStore {
  CatalogStore() {}

  public record CatalogRow(String source, Optional<String> content) {}

  public Optional<CatalogRow> latestCatalog(Handle h) {
    return h.createQuery("SELECT source, content FROM catalogs ORDER BY id DESC LIMIT 1")
        .map(
            (rs, ctx) ->
                new CatalogRow(
                    rs.getString("source"), Optional.ofNullable(rs.getString("content"))))
        .findOne();
  }

  public void insertCatalog(Handle h, String source, String content, long at) {
    long id =
        h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM catalogs").mapTo(Long.class).one();
    h.createUpdate(
            "INSERT INTO catalogs (id, source, content, loaded_at) VALUES (:id, :s, :c, :at)")
        .bind("id", id)
        .bind("s", source)
        .bind("c", content)
        .bind("at", at)
        .execute();
  }
}
