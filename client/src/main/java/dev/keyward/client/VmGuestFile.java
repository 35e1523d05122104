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
 * The store's {@code <product>/vm-guest.json}: a {@link VmGuestRecord} sealed with the store's
 * secret and replaced atomically. A file that fails its seal reads as empty (the guest asks its
 * host again).
 */
final class VmGuestFile {
  static final String FILE = "vm-guest.json";

  private final LocalStore store;

  VmGuestFile(LocalStore store) {
    this.store = store;
  }

  VmGuestRecord read(String product) {
    Path file = store.root().resolve(product).resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return VmGuestRecord.empty();
    }
    try {
      Optional<Map<String, Object>> outer =
          Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
      if (outer.isPresent()
          && outer.get().get("record") instanceof Map<?, ?> record
          && outer.get().get("seal") instanceof String seal
          && store.secret().verify(Json.write(record), seal)) {
        return VmGuestRecord.fromJson(record);
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: as if never written
    }
    return VmGuestRecord.empty();
  }

  void write(String product, VmGuestRecord record) {
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
