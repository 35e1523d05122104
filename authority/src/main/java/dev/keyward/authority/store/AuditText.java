package dev.keyward.authority.store;

import dev.keyward.core.json.Json;
import dev.keyward.core.key.SecretMasking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text on its way into the database, with pasted product keys and tokens masked ({@link
 * SecretMasking}): the audit log is append-only and kept forever, so a key pasted into a reason
 * would stay readable there for good. Only free-text fields are masked (the actor, and a detail's
 * {@link #FREE_TEXT} fields); structured values (ids, installation IDs, hashes) are left as they
 * are, so that masking can never change what they say.
 *
 * <p>Besides the shapes {@link SecretMasking} knows, any word whose SHA-256 is the hash of an admin
 * token the database accepts is masked: an operator's own token need not look like {@code kwa_…}.
 */
final class AuditText {
  /** The fields of an audit detail that people type. */
  static final Set<String> FREE_TEXT = Set.of("reason", "label", "note", "notes", "comment");

  private static final Pattern WORD = Pattern.compile("[\\p{Graph}&&[^\"'<>()\\[\\]{},;]]{16,}");

  private AuditText() {}

  /** {@code text} with keys, tokens and the words that are accepted admin tokens masked. */
  static String free(String text, Collection<String> tokenHashes) {
    if (text == null) {
      return null;
    }
    String masked = SecretMasking.mask(text);
    if (tokenHashes.isEmpty()) {
      return masked;
    }
    Matcher words = WORD.matcher(masked);
    StringBuilder out = new StringBuilder();
    while (words.find()) {
      String replacement =
          tokenHashes.contains(sha256Hex(words.group())) ? "[masked token]" : words.group();
      words.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    words.appendTail(out);
    return out.toString();
  }

  /** A detail (a JSON object) with its free-text fields masked; other text masked whole. */
  static String detail(String detail, Collection<String> tokenHashes) {
    if (detail == null) {
      return null;
    }
    Optional<Map<String, Object>> json = Json.readObject(detail);
    if (json.isEmpty()) {
      return free(detail, tokenHashes);
    }
    Map<String, Object> masked = new LinkedHashMap<>(json.get());
    masked.replaceAll(
        (field, value) ->
            FREE_TEXT.contains(field) && value instanceof String s ? free(s, tokenHashes) : value);
    // Unchanged details keep their exact text.
    return masked.equals(json.get()) ? detail : Json.write(masked);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
    }
  }
}
