package dev.keyward.client;

import dev.keyward.core.error.FileProblems;
import dev.keyward.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One record of a product kept in the store as {@code <product>/<name>}: sealed with the store's
 * secret and replaced atomically. A file that is missing, unreadable or fails its seal reads as the
 * empty record. The seal only detects accidents and casual edits: what such a record says about a
 * licence is believed only after its own signatures are checked (SPEC §16).
 */
final class SealedRecordFile<R> {
  private final LocalStore store;
  private final String name;
  private final Function<Map<?, ?>, R> fromJson;
  private final Function<R, Map<String, Object>> toJson;
  private final Supplier<R> empty;

  SealedRecordFile(
      LocalStore store,
      String name,
      Function<Map<?, ?>, R> fromJson,
      Function<R, Map<String, Object>> toJson,
      Supplier<R> empty) {
    this.store = store;
    this.name = name;
    this.fromJson = fromJson;
    this.toJson = toJson;
    this.empty = empty;
  }

  R read(String product) {
    Path file = store.root().resolve(product).resolve(name);
    if (!Files.isRegularFile(file)) {
      return empty.get();
    }
    try {
      Optional<Map<String, Object>> outer =
          Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
      if (outer.isPresent()
          && outer.get().get("record") instanceof Map<?, ?> record
          && outer.get().get("seal") instanceof String seal
          && store.secret().verify(Json.write(record), seal)) {
        return fromJson.apply(record);
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: as if never written
    }
    return empty.get();
  }

  void write(String product, R record) {
    Map<String, Object> content = toJson.apply(record);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("seal", store.secret().seal(Json.write(content)));
    outer.put("record", content);
    Path file = store.root().resolve(product).resolve(name);
    try {
      AtomicFiles.writeText(file, Json.write(outer) + "\n");
    } catch (IOException e) {
      throw new KeywardException(FileProblems.writing("The license store", store.root(), e), e);
    }
  }
}
