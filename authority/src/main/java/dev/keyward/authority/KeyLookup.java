package dev.keyward.authority;

import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.Catalog;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.ProductKeyCodec;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Finds the key an admin path names, and reads its stored copy back: what every admin action on one
 * key (show, block, extend, release, downgrade) starts from.
 */
final class KeyLookup {
  private static final Pattern KEY_ID = Pattern.compile("pk-[a-z2-9]{20}");

  private final Store store;
  private final Keyring keyring;
  private final Supplier<Catalog> catalog;

  KeyLookup(Store store, Keyring keyring, Supplier<Catalog> catalog) {
    this.store = store;
    this.keyring = keyring;
    this.catalog = catalog;
  }

  /**
   * A key named in a path: its record id ({@code pk-…}) or the key in any typed form; 404 when no
   * such key was issued. {@code lock} locks its row for a change in this transaction.
   */
  KeyRow resolve(Handle h, String param, boolean lock) {
    if (KEY_ID.matcher(param).matches()) {
      return store.keys().keyById(h, param, lock).orElseThrow(() -> TypedKey.notIssued(404));
    }
    TypedKey typed = TypedKey.read(param, catalog.get(), keyring, 404).requireIssued(404);
    return store
        .keys()
        .keyByFingerprint(h, typed.fingerprint(), lock)
        .orElseThrow(() -> TypedKey.notIssued(404));
  }

  /** The full key, decrypted from its stored copy and shown in groups (as stored if unreadable). */
  String reveal(KeyRow key) {
    String canonical = keyring.cipher().decrypt(key.encryptedKey(), key.fingerprint());
    return ProductKeyCodec.decode(canonical, n -> true) instanceof KeyDecoding.Decoded d
        ? d.key().display()
        : canonical;
  }
}
