package dev.keyward.authority;

import dev.keyward.authority.crypto.Ids;
import dev.keyward.authority.store.KeyRow;
import dev.keyward.authority.store.Store;
import dev.keyward.core.catalog.KeyGroup;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.channel.ActivationRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Signs the certificate an online grant gives: before the write transaction where that saves the
 * database's time (SQLite: one writer), else inside it.
 */
final class GrantSigner {
  private final Store store;
  private final Keyring keyring;
  // Key records' ids and partial keys by fingerprint, as presign read them: neither ever changes
  // and no key record is ever deleted, so a read on a pooled connection per activation is saved.
  private final Generations<Map.Entry<String, String>> identities = new Generations<>(20_000);

  GrantSigner(Store store, Keyring keyring) {
    this.store = store;
    this.keyring = keyring;
  }

  /** A certificate signed for a key record, with the ids its activation will be stored under. */
  record Signed(
      String keyId, String partialKey, String activationId, String certificateId, String text) {
    boolean isFor(KeyRow key) {
      return keyId.equals(key.id()) && partialKey.equals(key.partialKey());
    }
  }

  /**
   * Signs the certificate a grant would give before the write transaction, from the key record as
   * read outside it (its id and partial key never change); null when the key is not stored. Only a
   * grant, or the first certificate of a phone activation's reissue, uses it, and only for the same
   * key record.
   */
  Signed presign(
      TypedKey typed,
      ActivationRequest request,
      String cmid,
      Optional<String> hostKey,
      Instant now) {
    Map.Entry<String, String> id = identities.get(typed.fingerprint());
    if (id == null) {
      id = store.keys().keyIdentity(typed.fingerprint()).orElse(null);
      if (id == null) {
        return null; // not issued (yet): asked again next time
      }
      identities.put(typed.fingerprint(), id);
    }
    return sign(id.getKey(), id.getValue(), typed, request, cmid, hostKey, now);
  }

  private Signed sign(
      String keyId,
      String partialKey,
      TypedKey typed,
      ActivationRequest request,
      String cmid,
      Optional<String> hostKey,
      Instant now) {
    String activationId = Ids.next("act");
    String certificateId = Ids.next("cert");
    KeyGroup group = typed.group();
    String text =
        keyring
            .signer()
            .signText(
                new ActivationCertificate(
                    certificateId,
                    keyId,
                    partialKey,
                    typed.product().id(),
                    group.version(),
                    group.edition().orElse(request.installed().edition()),
                    group.channel(),
                    request.machine(),
                    cmid,
                    now,
                    Optional.empty(),
                    keyring.signer().keyId(),
                    hostKey))
            .text();
    return new Signed(keyId, partialKey, activationId, certificateId, text);
  }

  /**
   * The presigned certificate when it was signed for this key record (its id and partial key), else
   * one signed now: only a grant's activation id goes unused.
   */
  Signed forKey(
      Signed presigned,
      KeyRow key,
      TypedKey typed,
      ActivationRequest request,
      String cmid,
      Optional<String> hostKey,
      Instant now) {
    return presigned != null && presigned.isFor(key)
        ? presigned
        : sign(key.id(), key.partialKey(), typed, request, cmid, hostKey, now);
  }
}
