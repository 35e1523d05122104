package dev.keyward.core.diagnose;

import dev.keyward.core.error.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is installed and its license, as {@code slmgr /dlv} shows it.
 *
 * @param product product id
 * @param productName the catalog's name for it
 * @param version installed version
 * @param edition installed edition id
 * @param evaluation whether the edition is an evaluation edition
 * @param evaluationEnd when the evaluation ends (evaluations only)
 * @param rearmsLeft rearms still available
 * @param channel the installed key's channel name ({@code TIMEBASED_EVAL} for an evaluation without
 *     a key); empty without a key
 * @param partialKey the last five symbols of the installed key
 * @param state the license state's name (section 5)
 * @param reason why it is not Licensed
 * @param remainingMinutes time left in the state, when it ends by itself
 * @param pendingEdition an edition conversion waiting for {@code keyward restart}
 * @param conversionTargets the editions this one may be converted to (the catalog's paths)
 */
public record ProductFacts(
    String product,
    String productName,
    String version,
    String edition,
    boolean evaluation,
    Optional<Instant> evaluationEnd,
    int rearmsLeft,
    Optional<String> channel,
    Optional<String> partialKey,
    String state,
    Optional<ErrorCode> reason,
    Optional<Long> remainingMinutes,
    Optional<String> pendingEdition,
    List<String> conversionTargets) {
  public ProductFacts {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(state, "state");
    conversionTargets = List.copyOf(conversionTargets);
  }

  public boolean inState(String name) {
    return state.equals(name);
  }

  public boolean hasChannel(String name) {
    return channel.map(name::equals).orElse(false);
  }

  /** The installed key, as users know it: "the key ending in XXXXX", or "no key". */
  public String keyWords() {
    return partialKey
        .map(p -> "the " + channel.orElse("") + " key ending in " + p)
        .orElse("no key");
  }
}
