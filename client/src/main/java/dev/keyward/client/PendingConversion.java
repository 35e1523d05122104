package dev.keyward.client;

import java.time.Instant;
import java.util.Objects;

/**
 * An edition conversion asked for ({@code dism /Set-Edition:EDITION /ProductKey:KEY}) that takes
 * effect at the next {@code keyward restart}: until then the old edition runs unchanged.
 *
 * @param edition the target edition, as the catalog spells it
 * @param key the key given with {@code /ProductKey}, installed by the conversion
 * @param requestedAt when it was asked for
 */
public record PendingConversion(String edition, StoredKey key, Instant requestedAt) {
  public PendingConversion {
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
