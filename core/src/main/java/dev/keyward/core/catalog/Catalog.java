package dev.keyward.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The products a vendor licenses. Key group numbers are unique across the whole catalog, so a key
 * alone says which product, version, edition and channel it is for.
 */
public final class Catalog {
  private final String source;
  private final List<Product> products;
  // Looked up on every key decode: built once.
  private final Map<Integer, KeyGroup> groupsByNumber;

  /**
   * @param source where the catalog came from ({@code builtin:winserver} or a file name)
   * @param products the products, with key group numbers unique across all of them
   */
  public Catalog(String source, List<Product> products) {
    this.source = source;
    this.products = List.copyOf(products);
    this.groupsByNumber =
        this.products.stream()
            .flatMap(p -> p.keyGroups().stream())
            .collect(Collectors.toUnmodifiableMap(KeyGroup::number, Function.identity()));
  }

  public String source() {
    return source;
  }

  public List<Product> products() {
    return products;
  }

  public Optional<Product> product(String id) {
    for (Product p : products) { // a handful: a loop, asked at every activation
      if (p.id().equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public Optional<KeyGroup> keyGroup(int number) {
    return Optional.ofNullable(groupsByNumber.get(number));
  }

  /**
   * Whether {@code number} names a key group; what the key codec needs to reject unknown groups.
   */
  public boolean knowsGroup(int number) {
    return groupsByNumber.containsKey(number);
  }
}
