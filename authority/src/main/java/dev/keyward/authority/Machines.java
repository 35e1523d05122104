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
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hardware identities as the JSON object of the ten component hashes (requests, storage). A phone
 * activation stores what its installation ID holds: {@code {"shortHashes": {"uuid": 0..255, …}}}.
 */
final class Machines {
  private Machines() {}

  static Map<String, Object> toMap(HardwareIdentity machine) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Component c : Component.values()) {
      json.put(c.fileName(), machine.hex(c));
    }
    return json;
  }

  /**
   * The canonical JSON ({@link Json#write}: names sorted, no white space) of the ten hashes,
   * written directly: every activation stores it, and names and lower-case hex need no escaping.
   */
  static String toJson(HardwareIdentity machine) {
    StringBuilder out = new StringBuilder(12 * (ComponentHash.HEX_DIGITS + 16));
    for (Component c : SORTED) {
      out.append(out.isEmpty() ? "{\"" : ",\"").append(c.fileName()).append("\":\"");
      out.append(machine.hex(c)).append('"');
    }
    return out.append('}').toString();
  }

  /**
   * Reads what {@link #toJson} wrote. This runs for every prior activation of every decision,
   * inside the transaction: the canonical text {@link #toJson} writes is read directly, anything
   * else with Jackson.
   */
  static HardwareIdentity fromJson(String text) {
    HardwareIdentity canonical = fromCanonical(text);
    return canonical != null ? canonical : fromAnyJson(text);
  }

  /**
   * The machine of a stored activation, read once: a key's prior activations are read again at each
   * of its decisions, under its lock (SQLite: the one writer's time), and an activation's
   * components never change. Looked up by the activation's id (short to hash), and used only while
   * the text is still the same (compared by its hash and length: the text itself is not kept).
   */
  static MachineHardware ofActivation(String activationId, String text) {
    HardwareIdentity identity = TABLE.get(activationId, text);
    if (identity != null) {
      return MachineHardware.of(identity);
    }
    Read known = OTHER.get(activationId);
    if (known != null && known.isOf(text)) {
      return known.machine();
    }
    MachineHardware machine = hardwareFromJson(text);
    rememberActivation(activationId, text, machine);
    return machine;
  }

  /**
   * The machine of a stored activation already read (or granted by this process), or null: no
   * statement ever changes an activation's components, and its id (its time and 55 random bits,
   * {@code Ids}) is never reused, so a decision need not read the components column again for an id
   * known here.
   */
  static MachineHardware knownActivation(String activationId) {
    HardwareIdentity identity = TABLE.get(activationId);
    if (identity != null) {
      return MachineHardware.of(identity);
    }
    Read known = OTHER.get(activationId);
    return known == null ? null : known.machine();
  }

  /** Remembers the machine of an activation about to be stored (its text as stored). */
  static void rememberActivation(String activationId, String text, MachineHardware machine) {
    if (!(machine instanceof MachineHardware.Identity full
        && TABLE.put(activationId, text, full.identity()))) {
      OTHER.put(activationId, new Read(text, machine));
    }
  }

  private record Read(int textHash, int textLength, MachineHardware machine) {
    Read(String text, MachineHardware machine) {
      this(text.hashCode(), text.length(), machine);
    }

    boolean isOf(String text) {
      return text.length() == textLength && text.hashCode() == textHash;
    }
  }

  /**
   * At most twice this many activations' machines are remembered: a decision on a multiple
   * activation key looks at up to a pool's size of them, and every miss is a read and a parse
   * inside the transaction. Full identities go to {@link MachineTable} (two tables of 1.6 to 5.3
   * slots of 184 bytes an entry, grown as entries come: at most 100 MB), the rare short-hash
   * machines of phone activations to a map (about 1.2 KB an entry): at least 2,000 and at most
   * 100,000 entries a generation, and either store at most a sixteenth of the heap.
   */
  static final int READ_LIMIT =
      (int) Math.max(2_000, Math.min(100_000, Runtime.getRuntime().maxMemory() / 16 / 2 / 1_200));

  private static final MachineTable TABLE = new MachineTable(READ_LIMIT);
  private static final Generations<Read> OTHER = new Generations<>(READ_LIMIT);

  /** {@code {"baseboard":"<32 hex>",…}}: the ten names in sorted order, nothing else; else null. */
  static HardwareIdentity fromCanonical(String text) {
    Map<Component, ComponentHash> hashes = new EnumMap<>(Component.class);
    int at = 0;
    for (Component c : SORTED) {
      String name = c.fileName();
      if (at >= text.length() || text.charAt(at) != (at == 0 ? '{' : ',')) {
        return null;
      }
      at++;
      // "name":"<hex>"
      int end = at + 1 + name.length() + 3 + ComponentHash.HEX_DIGITS + 1;
      if (end > text.length()
          || text.charAt(at) != '"'
          || !text.startsWith(name, at + 1)
          || !text.startsWith("\":\"", at + 1 + name.length())
          || text.charAt(end - 1) != '"') {
        return null;
      }
      Optional<ComponentHash> hash =
          ComponentHash.parse(text.substring(at + 1 + name.length() + 3, end - 1));
      if (hash.isEmpty()) {
        return null;
      }
      hashes.put(c, hash.get());
      at = end;
    }
    return at == text.length() - 1 && text.charAt(at) == '}' ? new HardwareIdentity(hashes) : null;
  }

  private static final List<Component> SORTED =
      Arrays.stream(Component.values()).sorted(Comparator.comparing(Component::fileName)).toList();

  private static HardwareIdentity fromAnyJson(String text) {
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

  /**
   * What an activation row stores: full hashes (online) or short hashes (phone). Runs for every
   * prior activation of every decision: the canonical full hashes are read without Jackson.
   */
  static MachineHardware hardwareFromJson(String text) {
    HardwareIdentity canonical = fromCanonical(text);
    if (canonical != null) {
      return MachineHardware.of(canonical);
    }
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
