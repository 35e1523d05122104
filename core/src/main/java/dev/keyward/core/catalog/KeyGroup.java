package dev.keyward.core.catalog;

import java.util.Optional;

/**
 * What a key's group number means: which product, version, edition and channel its keys are for.
 *
 * @param number the group encoded in every key of the group (unique within a catalog)
 * @param product product id
 * @param version product version
 * @param edition edition id; empty for volume host keys, which install on any edition of the family
 * @param channel how the keys activate
 */
public record KeyGroup(
    int number, String product, String version, Optional<String> edition, Channel channel) {

  /** Whether keys of this group are meant for {@code editionId} (host keys fit every edition). */
  public boolean fitsEdition(String editionId) {
    return edition.map(e -> e.equals(editionId)).orElse(true);
  }

  public String describe() {
    return product + " " + version + " " + edition.orElse("(any edition)") + " " + channel;
  }
}
