package dev.keyward.authority;

import dev.keyward.authority.http.ApiException;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.CatalogLoad;
import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.catalog.Product;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.json.Json;
import dev.keyward.core.yaml.SourceProblem;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * {@code PUT /v1/admin/catalog}: a catalog uploaded by an operator replaces the running one when it
 * reads cleanly and keeps the meaning of every key group that has issued keys; every problem is
 * listed in the 400.
 */
final class CatalogUpload {
  private final Store store;
  private final AtomicReference<Catalog> catalog;
  private final Clock clock;

  CatalogUpload(Store store, AtomicReference<Catalog> catalog, Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Loads the catalog text; answers its product ids. */
  List<String> load(String text, String actor) {
    Catalog loaded =
        switch (CatalogLoader.load(text, "uploaded catalog")) {
          case CatalogLoad.Invalid invalid ->
              throw new ApiException(
                  400,
                  invalid.failure(),
                  Map.of(
                      "problems",
                      invalid.problems().stream().map(SourceProblem::toString).toList()),
                  Map.of());
          case CatalogLoad.Loaded l -> l.catalog();
        };
    long now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    List<String> ids =
        store
            .db()
            .write(
                h -> {
                  List<String> problems = issuedGroupProblems(h, loaded);
                  if (!problems.isEmpty()) {
                    throw new ApiException(
                        400,
                        Failure.of(
                            ErrorCode.CATALOG_INVALID,
                            "The catalog would change the meaning of keys already issued."),
                        Map.of("problems", problems),
                        Map.of());
                  }
                  List<String> products = loaded.products().stream().map(Product::id).toList();
                  // The audit head's lock first: concurrent uploads are numbered one after the
                  // other.
                  store
                      .audit()
                      .appendAudit(
                          h,
                          now,
                          actor,
                          "catalog.load",
                          String.join(",", products),
                          Json.write(Map.of("products", products)));
                  store.catalogs().insertCatalog(h, "uploaded catalog", text, now);
                  return products;
                });
    catalog.set(loaded);
    return ids;
  }

  /** Each key group with issued keys that the new catalog drops or gives another meaning. */
  private List<String> issuedGroupProblems(Handle h, Catalog loaded) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> g : store.keys().issuedGroups(h)) {
      int number = ((Number) g.get("group_number")).intValue();
      Optional<KeyGroup> group = loaded.keyGroup(number);
      String was =
          g.get("product")
              + " "
              + g.get("version")
              + " "
              + Objects.requireNonNullElse(g.get("edition"), "(any edition)")
              + " "
              + g.get("channel");
      if (group.isEmpty()) {
        problems.add("key group " + number + " (" + was + ") has issued keys but is missing");
      } else if (!group.get().describe().equals(was)) {
        problems.add(
            "key group "
                + number
                + " has issued keys for "
                + was
                + " but now means "
                + group.get().describe());
      }
    }
    return problems;
  }
}
