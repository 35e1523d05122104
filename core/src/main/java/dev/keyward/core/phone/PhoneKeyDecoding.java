package dev.keyward.core.phone;

import java.util.Objects;

/** The outcome of reading a stored phone-activation key: the key, or why the text is not one. */
public sealed interface PhoneKeyDecoding<T>
    permits PhoneKeyDecoding.Decoded, PhoneKeyDecoding.Invalid {

  record Decoded<T>(T key) implements PhoneKeyDecoding<T> {
    public Decoded {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * @param reason what is wrong, for an operator (never repeats a private key)
   */
  record Invalid<T>(String reason) implements PhoneKeyDecoding<T> {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
