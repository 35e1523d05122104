package dev.keyward.volumehost;

import dev.keyward.core.error.Failure;

/** A volume host that cannot start as asked, with the catalogue's code, meaning and remedy. */
public final class VolumeHostException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Failure failure;

  public VolumeHostException(Failure failure) {
    super(failure.toString());
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }
}
