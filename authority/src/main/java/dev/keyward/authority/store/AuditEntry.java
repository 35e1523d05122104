package dev.keyward.authority.store;

import dev.keyward.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit log entry. {@code hash = SHA-256(prevHash + canonical JSON of seq, at, actor, action,
 * subject, detail)}, lower-case hex; the first entry's prevHash is 64 zeros.
 */
public record AuditEntry(
    long seq,
    long at,
    String actor,
    String action,
    String subject,
    String detail,
    String prevHash,
    String hash) {

  public static final String GENESIS = "0".repeat(64);

  public static String hashOf(
      String prevHash,
      long seq,
      long at,
      String actor,
      String action,
      String subject,
      String detail) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("seq", seq);
    fields.put("at", Instant.ofEpochMilli(at).toString());
    fields.put("actor", actor);
    fields.put("action", action);
    fields.put("subject", subject);
    fields.put("detail", detail);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
      sha.update(Json.write(fields).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether this entry's hash is the one its fields give. */
  public boolean hashMatches() {
    return hash.equals(hashOf(prevHash, seq, at, actor, action, subject, detail));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seq", seq);
    json.put("at", Instant.ofEpochMilli(at).toString());
    json.put("actor", actor);
    json.put("action", action);
    json.put("subject", subject);
    json.put("detail", detail);
    json.put("prevHash", prevHash);
    json.put("hash", hash);
    return json;
  }
}
