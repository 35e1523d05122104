package dev.keyward.volumehost.console;

import java.time.Instant;
import java.util.Optional;

/**
 * A volume client the host has answered, as its request log (event 12290) shows it: the last
 * request and its result, and the last time it was granted.
 *
 * @param client the address the last request came from
 * @param result the last answer's code ({@code 0x00000000} granted)
 * @param lastGranted when it was last granted (its activation runs from there)
 */
record ServedMachine(
    String cmid,
    String product,
    String version,
    String edition,
    String client,
    Instant lastRequest,
    String result,
    Optional<Instant> lastGranted) {

  static final String GRANTED = "0x00000000";

  boolean granted() {
    return GRANTED.equals(result);
  }
}
