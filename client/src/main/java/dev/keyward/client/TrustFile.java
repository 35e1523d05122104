package dev.keyward.client;

import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authority's public keys as {@code GET /v1/trust} answers them and {@code trust.json} holds
 * them: {@code {"keys": [{"id": "k-…", "ed25519": "<base64 SubjectPublicKeyInfo>"}]}}.
 */
public final class TrustFile {
  private TrustFile() {}

  /** Reads trust JSON; empty when it is not of that form or lists no key. */
  public static Optional<List<TrustedKey>> parse(String text) {
    Optional<Map<String, Object>> json = Json.readObject(text);
    if (json.isEmpty() || !(json.get().get("keys") instanceof List<?> keys)) {
      return Optional.empty();
    }
    List<TrustedKey> trusted = new ArrayList<>();
    for (Object k : keys) {
      if (!(k instanceof Map<?, ?> m)
          || !(m.get("id") instanceof String id)
          || !(m.get("ed25519") instanceof String key)) {
        return Optional.empty();
      }
      trusted.add(new TrustedKey(id, key));
    }
    return trusted.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(trusted));
  }

  /** Reads a trust file, failing with a clear message when it is missing or malformed. */
  public static List<TrustedKey> read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8))
          .orElseThrow(
              () ->
                  KeywardException.of(
                      ErrorCode.BAD_REQUEST,
                      "The trust file "
                          + file
                          + " is not of the form {\"keys\": [{\"id\": …, \"ed25519\": …}]}."));
    } catch (IOException e) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST, "The trust file " + file + " cannot be read: " + e.getMessage());
    }
  }

  public static String write(List<TrustedKey> keys) {
    List<Object> list = new ArrayList<>();
    for (TrustedKey k : keys) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", k.id());
      m.put("ed25519", k.ed25519());
      list.add(m);
    }
    return Json.write(Map.of("keys", list));
  }
}
