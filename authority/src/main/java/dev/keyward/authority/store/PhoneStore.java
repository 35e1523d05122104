package dev.keyward.authority.store;

import org.jdbi.v3.core.Handle;

/**
 * The SQL of phone activation: the confirmation IDs given (table {@code phone_confirmations}), each
 * run on the caller's handle so that a decision, its activation and its confirmation share one
 * transaction.
 */
public final class PhoneStore {
  /** The prefix of confirmation record ids, which a phone activation names as its certificate. */
  public static final String ID_PREFIX = "conf";

  /** One confirmation ID given. */
  public record Confirmation(
      String id, String activationId, String iid, int keyIndex, String cid, long issuedAt) {}

  public void insert(Handle h, Confirmation c) {
    h.createUpdate(
            "INSERT INTO phone_confirmations (id, activation_id, iid, key_index, cid, issued_at)"
                + " VALUES (:id, :a, :iid, :k, :cid, :at)")
        .bind("id", c.id())
        .bind("a", c.activationId())
        .bind("iid", c.iid())
        .bind("k", c.keyIndex())
        .bind("cid", c.cid())
        .bind("at", c.issuedAt())
        .execute();
  }

  /** Whether an activation's certificate id names a confirmation: it was made by phone. */
  public static boolean isPhone(ActivationRow row) {
    return row.certificateId().startsWith(ID_PREFIX + "-");
  }
}
