package dev.keyward.authority.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of admin token hashes (table {@code admin_tokens}): the tokens themselves are never
 * stored; the hashes also let free text be stored with any pasted token masked ({@link AuditText}).
 */
public final class TokenStore {
  TokenStore() {}

  public void ensureAdminToken(Handle h, String hash, long at) {
    h.createUpdate(
            "INSERT INTO admin_tokens (hash, created_at) VALUES (:h, :at)"
                + " ON CONFLICT (hash) DO NOTHING")
        .bind("h", hash)
        .bind("at", at)
        .execute();
  }

  public List<String> adminTokenHashes(Handle h) {
    return h.createQuery("SELECT hash FROM admin_tokens").mapTo(String.class).list();
  }
}
