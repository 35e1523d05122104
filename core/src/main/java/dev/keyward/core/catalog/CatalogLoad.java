package dev.keyward.core.catalog;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.yaml.SourceProblem;
import java.util.List;

/** The outcome of reading a catalog: the catalog, or every mistake found in the file. */
public sealed interface CatalogLoad {

  record Loaded(Catalog catalog) implements CatalogLoad {}

  record Invalid(List<SourceProblem> problems) implements CatalogLoad {
    public Invalid {
      problems = List.copyOf(problems);
    }

    public Failure failure() {
      return Failure.of(ErrorCode.CATALOG_INVALID, SourceProblem.lines(problems));
    }
  }
}
