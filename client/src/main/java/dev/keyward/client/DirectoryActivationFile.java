package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The store's {@code <product>/directory-activation.json}: a {@link DirectoryActivationRecord}
 * sealed with the store's secret and replaced atomically, like {@code volume-client.json}. A file
 * that fails its seal reads as empty; the object's signatures, not the seal, decide.
 */
final class DirectoryActivationFile {
  static final String FILE = "directory-activation.json";

  private final LocalStore store;

  DirectoryActivationFile(LocalStore store) {
    this.store = store;
  }

  DirectoryActivationRecord read(String product) {
    Path file = store.root().resolve(product).resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return DirectoryActivationRecord.empty();
    }
    try {
      Optional<Map<String, Object>> outer =
          Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
      if (outer.isPresent()
          && outer.get().get("record") instanceof Map<?, ?> record
          && outer.get().get("seal") instanceof String seal
          && store.secret().verify(Json.write(record), seal)) {
        return DirectoryActivationRecord.fromJson(record);
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: as if never written
    }
    return DirectoryActivationRecord.empty();
  }

  void write(String product, DirectoryActivationRecord record) {
    Map<String, Object> content = record.toJson();
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("seal", store.secret().seal(Json.write(content)));
    outer.put("record", content);
    try {
      AtomicFiles.writeText(store.root().resolve(product).resolve(FILE), Json.write(outer) + "\n");
    } catch (IOException e) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "The license store " + store.root() + " cannot be written (" + e.getMessage() + ").");
    }
  }
}
