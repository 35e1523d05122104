package dev.keyward.compliance;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Pack prices per edition; an edition without a price uses {@link PackPrice#EQUAL_PER_CORE}. */
public record PackPrices(Map<ServerEdition, PackPrice> byEdition) {
  public static final PackPrices EQUAL_PER_CORE = new PackPrices(Map.of());

  public PackPrices {
    Objects.requireNonNull(byEdition, "byEdition");
    byEdition = byEdition.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byEdition));
  }

  public PackPrice of(ServerEdition edition) {
    return byEdition.getOrDefault(edition, PackPrice.EQUAL_PER_CORE);
  }
}
