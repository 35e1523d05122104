package dev.keyward.client;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.error.Failure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vendor keys one product's checks trust (SPEC §16): the builder's, the catalog's, and the
 * trust recorded in the store at installation when it is intact. Never a key from the network,
 * unless the development opt-in pinned one (and then it is recorded like an installer's).
 *
 * @param keys certificate-signing keys
 * @param phoneKeys phone activation keys (confirmation IDs)
 * @param broken why the recorded trust no longer counts, when it was removed or edited
 */
record TrustView(List<TrustedKey> keys, List<TrustedPhoneKey> phoneKeys, Optional<Failure> broken) {
  TrustView {
    keys = List.copyOf(keys);
    phoneKeys = List.copyOf(phoneKeys);
    Objects.requireNonNull(broken, "broken");
  }
}
