package dev.keyward.authority;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.authority.http.Body;
import dev.keyward.core.channel.MachineHardware;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentHash;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.json.Json;
import dev.keyward.core.phone.HardwareFingerprint;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hardware identities as the JSON object of the ten component hashes (requests, storage). A phone
 * activation stores what its installation ID holds: {@code {"shortHashes": {"uuid": 0..255, …}}}.
 */
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

  /** The short hashes of a phone activation's installation ID, as stored. */
  static String toJson(HardwareFingerprint fingerprint) {
    Map<String, Object> hashes = new LinkedHashMap<>();
    for (Component c : Component.values()) {
      hashes.put(c.fileName(), fingerprint.shortHash(c));
    }
    return Json.write(Map.of("shortHashes", hashes));
  }

  /** What an activation row stores: full hashes (online) or short hashes (phone). */
  static MachineHardware hardwareFromJson(String text) {
    JsonNode map;
    try {
      map = Body.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored components are not JSON", e);
    }
    if (map.has("shortHashes")) {
      Map<Component, Integer> hashes = new EnumMap<>(Component.class);
      for (Component c : Component.values()) {
        hashes.put(c, map.path("shortHashes").path(c.fileName()).asInt());
      }
      return MachineHardware.of(new HardwareFingerprint(hashes));
    }
    return MachineHardware.of(fromJson(text));
  }
}
