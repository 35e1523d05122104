package dev.keyward.authority.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of signed certificates (table {@code certificates}), on the caller's handle. */
public final class CertificateStore {
  /** A certificate, bound by {@link #bindInsert}. */
  static final String INSERT =
      "INSERT INTO certificates (id, activation_id, issued_at, signed) VALUES (?, ?, ?, ?)";

  private final Database db;

  CertificateStore(Database db) {
    this.db = db;
  }

  /** The signed certificate JSON and its activation id. */
  public record CertificateRow(String id, String activationId, String signed) {}

  public void insertCertificate(
      Handle h, String id, String activationId, long issuedAt, String signed) {
    db.run(
        h,
        INSERT,
        ps -> {
          bindInsert(ps, 1, id, activationId, issuedAt, signed);
          return ps.executeUpdate();
        });
  }

  /** Binds {@link #INSERT}'s four parameters from {@code first} on. */
  static void bindInsert(
      PreparedStatement ps, int first, String id, String activationId, long issuedAt, String signed)
      throws SQLException {
    ps.setString(first, id);
    ps.setString(first + 1, activationId);
    ps.setLong(first + 2, issuedAt);
    ps.setString(first + 3, signed);
  }

  public Optional<CertificateRow> certificate(Handle h, String id) {
    return db.run(
        h,
        "SELECT id, activation_id, signed FROM certificates WHERE id = ?",
        ps -> {
          ps.setString(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(
                    new CertificateRow(
                        rs.getString("id"), rs.getString("activation_id"), rs.getString("signed")))
                : Optional.empty();
          }
        });
  }

  /** The certificate an activation currently holds (its {@code certificate_id}), if stored. */
  public Optional<CertificateRow> currentOf(Handle h, String activationId) {
    return db.run(
        h,
        "SELECT c.id, c.activation_id, c.signed FROM activations a"
            + " JOIN certificates c ON c.id = a.certificate_id WHERE a.id = ?",
        ps -> {
          ps.setString(1, activationId);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(new CertificateRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                : Optional.empty();
          }
        });
  }
}
