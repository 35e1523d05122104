package dev.keyward.core.channel;

/**
 * What the authority knows of a key besides its activations.
 *
 * @param blocked blocked by the vendor (leaked, refunded, abused)
 * @param poolSize multiple activation keys: activations allowed, extensions included
 * @param poolUsed multiple activation keys: activations spent so far
 */
public record KeyStanding(boolean blocked, int poolSize, int poolUsed) {
  public static KeyStanding unblocked() {
    return new KeyStanding(false, 0, 0);
  }
}
