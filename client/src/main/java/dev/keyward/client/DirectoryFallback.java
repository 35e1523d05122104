package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.license.ActivationStanding;
import java.time.Instant;
import java.util.Optional;

/**
 * How a joined volume client combines the directory with volume hosts (SPEC §12): the directory is
 * asked first, volume host discovery when it has nothing usable; the license stands on whichever
 * proof lasts longer; when both fail, the error names both.
 */
final class DirectoryFallback {
  private DirectoryFallback() {}

  /**
   * The failure of an {@code /ato} that neither the directory nor a volume host could serve: a bad
   * object in the directory (malformed or untrusted: an administrator must act) is reported first,
   * otherwise what the volume hosts answered; the message tells both.
   */
  static KeywardException failure(Failure directory, KeywardException volume) {
    boolean badObject =
        directory.error() == ErrorCode.ACTIVATION_OBJECT_UNTRUSTED
            || directory.error() == ErrorCode.ACTIVATION_OBJECT_MALFORMED;
    Failure v = volume.failure();
    if (badObject) {
      return new KeywardException(
          Failure.of(
              directory.error(),
              directory.detail()
                  + " Volume host discovery failed too ("
                  + v.error().hex()
                  + ": "
                  + v.detail()
                  + ")"));
    }
    return new KeywardException(
        Failure.of(
            v.error(),
            v.detail()
                + " The directory had no usable activation object either ("
                + directory.error().hex()
                + ": "
                + directory.detail()
                + ")"));
  }

  /**
   * The standing that lets the machine stay Licensed longer; a refuted grant never hides a proof.
   */
  static ActivationStanding better(ActivationStanding grant, ActivationStanding directory) {
    if (grant instanceof ActivationStanding.Proven g
        && directory instanceof ActivationStanding.Proven d) {
      return g.expiresAt() == null
              || (d.expiresAt() != null && g.expiresAt().isAfter(d.expiresAt()))
          ? g
          : d;
    }
    if (grant instanceof ActivationStanding.Proven) {
      return grant;
    }
    if (directory instanceof ActivationStanding.Proven
        || grant instanceof ActivationStanding.Absent) {
      return directory;
    }
    return grant;
  }

  static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isAfter(b.get()) ? a : b;
  }
}
