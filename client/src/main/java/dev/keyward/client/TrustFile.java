package dev.keyward.client;

import dev.keyward.core.catalog.TrustDocument;
import dev.keyward.core.catalog.TrustedKey;
import dev.keyward.core.catalog.TrustedPhoneKey;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import dev.keyward.core.phone.PhoneKeyDecoding;
import dev.keyward.core.phone.PhonePublicKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authority's public keys as {@code GET /v1/trust} answers them and {@code trust.json} holds
 * them: {@code {"keys": [{"id": "k-…", "ed25519": "<base64 SubjectPublicKeyInfo>"}], "phoneKeys":
 * [{"index": 0, "p256": "<base64 compressed point>"}]}}. {@code phoneKeys} (confirmation IDs) is
 * optional, so files written before phone activation still read.
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
      throw new KeywardException(
          dev.keyward.core.error.FileProblems.reading("The trust file", file, e));
    }
  }

  /** The phone activation keys of trust JSON; empty when it lists none or is not of that form. */
  public static List<TrustedPhoneKey> parsePhoneKeys(String text) {
    Optional<Map<String, Object>> json = Json.readObject(text);
    if (json.isEmpty() || !(json.get().get("phoneKeys") instanceof List<?> keys)) {
      return List.of();
    }
    List<TrustedPhoneKey> trusted = new ArrayList<>();
    for (Object k : keys) {
      if (k instanceof Map<?, ?> m
          && m.get("index") instanceof Integer index
          && index >= 0
          && index <= TrustedPhoneKey.MAX_INDEX
          && m.get("p256") instanceof String key
          && PhonePublicKey.decode(key) instanceof PhoneKeyDecoding.Decoded<PhonePublicKey>) {
        trusted.add(new TrustedPhoneKey(index, key));
      }
    }
    return List.copyOf(trusted);
  }

  /** The phone activation keys of a trust file; empty when it has none or cannot be read. */
  public static List<TrustedPhoneKey> readPhoneKeys(Path file) {
    try {
      return parsePhoneKeys(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return List.of();
    }
  }

  public static String write(List<TrustedKey> keys) {
    return write(keys, List.of());
  }

  public static String write(List<TrustedKey> keys, List<TrustedPhoneKey> phoneKeys) {
    return TrustDocument.write(keys, phoneKeys);
  }
}
