package dev.keyward.core.key;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Objects;

/** The outcome of reading a typed key: a key and what it carries, or why it was refused. */
public sealed interface KeyDecoding permits KeyDecoding.Decoded, KeyDecoding.Rejected {

  /**
   * A key that passed every offline check. Its authority tag is not checked yet: only the authority
   * can do that, with {@link KeyPayload#isIssuedBy(AuthorityTagger)}.
   */
  record Decoded(ProductKey key, KeyPayload payload) implements KeyDecoding {
    public Decoded {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(payload, "payload");
    }
  }

  /**
   * A refused key.
   *
   * @param reason what is wrong, for code that reacts to it
   * @param failure 0xC004F050 with a message for people; the message lists the corrected keys
   * @param invalidCharacters the distinct characters outside the key alphabet, in typed order
   * @param suggestions the likeliest valid keys the user may have meant, best first (at most 5)
   */
  record Rejected(
      RejectionReason reason,
      Failure failure,
      List<String> invalidCharacters,
      List<ProductKey> suggestions)
      implements KeyDecoding {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(failure, "failure");
      invalidCharacters = List.copyOf(invalidCharacters);
      suggestions = List.copyOf(suggestions);
    }

    static Rejected of(
        RejectionReason reason,
        String detail,
        List<String> invalidCharacters,
        List<ProductKey> suggestions) {
      return new Rejected(
          reason,
          Failure.of(ErrorCode.INVALID_PRODUCT_KEY, detail),
          invalidCharacters,
          suggestions);
    }

    /** Leaves out the failure's message, which spells the suggested keys in full. */
    @Override
    public String toString() {
      return "Rejected["
          + failure.error().hex()
          + " "
          + reason
          + ", invalidCharacters="
          + invalidCharacters
          + ", suggestions="
          + suggestions
          + "]";
    }
  }
}
