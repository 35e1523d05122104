package dev.keyward.authority.store;

import java.util.Optional;

/** A stored product key (never the key in clear). */
public record KeyRow(
    String id,
    String fingerprint,
    String partialKey,
    String encryptedKey,
    int group,
    long serial,
    String product,
    String version,
    Optional<String> edition,
    String channel,
    boolean blocked,
    int poolSize,
    int poolUsed,
    int extensionTotal,
    long createdAt) {

  public KeyRow withStanding(boolean blocked, int poolSize, int poolUsed, int extensionTotal) {
    return new KeyRow(
        id,
        fingerprint,
        partialKey,
        encryptedKey,
        group,
        serial,
        product,
        version,
        edition,
        channel,
        blocked,
        poolSize,
        poolUsed,
        extensionTotal,
        createdAt);
  }
}
