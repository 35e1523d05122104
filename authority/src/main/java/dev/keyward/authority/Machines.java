package dev.keyward.authority;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.authority.http.Body;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.json.Json;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hardware identities as the JSON object of the ten component hashes (requests, storage). */
final class Machines {
  private Machines() {}

  static Map<String, Object> toMap(HardwareIdentity machine) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Component c : Component.values()) {
      json.put(c.fileName(), machine.hash(c).hex());
    }
    return json;
  }

  static String toJson(HardwareIdentity machine) {
    return Json.write(toMap(machine));
  }

  /** Reads what {@link #toJson} wrote (Jackson: this runs for every prior activation). */
  static HardwareIdentity fromJson(String text) {
    JsonNode map;
    try {
      map = Body.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored components are not JSON", e);
    }
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      hashes.put(c, new ComponentHash(map.path(c.fileName()).asText()));
    }
    return new HardwareIdentity(hashes);
  }
}
