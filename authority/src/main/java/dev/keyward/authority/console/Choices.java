package dev.keyward.authority.console;

import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.catalog.Edition;
import dev.keyward.core.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What the filters and the issue form offer, from the catalog being served. */
public record Choices(
    List<String> products, List<String> versions, List<String> editions, List<String> channels) {
  public static Choices of(Catalog catalog) {
    TreeSet<String> versions = new TreeSet<>();
    TreeSet<String> editions = new TreeSet<>();
    for (Product p : catalog.products()) {
      versions.addAll(p.versions());
      p.editions().stream().map(Edition::id).forEach(editions::add);
    }
    List<String> channels = new ArrayList<>();
    for (Channel c : Channel.values()) {
      channels.add(c.name());
    }
    return new Choices(
        catalog.products().stream().map(Product::id).toList(),
        List.copyOf(versions),
        List.copyOf(editions),
        channels);
  }
}
