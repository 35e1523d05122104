package dev.keyward.core.diagnose;

import java.util.Optional;

/**
 * Whether a server answered a connection attempt just now.
 *
 * @param address what was tried ({@code http://host:port}, {@code host:1688})
 * @param reachable whether a connection was made
 * @param detail why not, in words
 */
public record Reachability(String address, boolean reachable, Optional<String> detail) {
  public static Reachability reached(String address) {
    return new Reachability(address, true, Optional.empty());
  }

  public static Reachability failed(String address, String detail) {
    return new Reachability(address, false, Optional.of(detail));
  }

  public String describe() {
    return address
        + (reachable
            ? " answers"
            : " does not answer" + detail.map(d -> " (" + d + ")").orElse(""));
  }
}
