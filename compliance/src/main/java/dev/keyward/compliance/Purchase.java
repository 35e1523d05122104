package dev.keyward.compliance;

import java.util.Objects;

/**
 * Packs to buy: {@code pack} names what is sold, e.g. {@code ServerStandard 2019 16-core}, {@code
 * ServerStandard 2019 2-core}, {@code Device CAL 2022}, {@code RDS User CAL 2022}.
 */
public record Purchase(String pack, long quantity) {
  public Purchase {
    Objects.requireNonNull(pack, "pack");
    if (quantity <= 0) {
      throw new IllegalArgumentException("a purchase buys at least one pack");
    }
  }

  static String corePack(ServerEdition edition, ServerVersion version, int cores) {
    return edition.id() + " " + version + " " + cores + "-core";
  }
}
