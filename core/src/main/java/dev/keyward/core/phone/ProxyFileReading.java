package dev.keyward.core.phone;

import dev.keyward.core.error.Failure;
import java.util.Objects;

/** The outcome of reading a proxy activation file: its content, or why it cannot be used. */
public sealed interface ProxyFileReading<T>
    permits ProxyFileReading.Read, ProxyFileReading.Invalid {

  record Read<T>(T file) implements ProxyFileReading<T> {
    public Read {
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * @param failure 0xC0DE0009 naming what is wrong (the file is not used at all)
   */
  record Invalid<T>(Failure failure) implements ProxyFileReading<T> {
    public Invalid {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
