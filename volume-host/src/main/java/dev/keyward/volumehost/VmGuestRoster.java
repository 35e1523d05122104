package dev.keyward.volumehost;

import dev.keyward.core.json.Json;
import dev.keyward.core.vmhost.VmGrant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guests a host agent activated (SPEC §12; {@code keyward vm-host guests}), one entry per CMID
 * with the last activation, in {@code <product>/vm-host/guests.json} of the host store, replaced
 * atomically after each activation. The host's report, as the seeds' administrators read it.
 */
public final class VmGuestRoster {
  /** One guest as the report shows it. */
  public record Guest(
      String name,
      String cmid,
      String product,
      String version,
      String edition,
      Instant lastActivation,
      Instant expiresAt) {
    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", name);
      json.put("cmid", cmid);
      json.put("product", product);
      json.put("version", version);
      json.put("edition", edition);
      json.put("lastActivation", lastActivation.toString());
      json.put("expiresAt", expiresAt.toString());
      return json;
    }

    static Optional<Guest> fromJson(Map<?, ?> json) {
      try {
        return Optional.of(
            new Guest(
                (String) json.get("name"),
                (String) json.get("cmid"),
                (String) json.get("product"),
                (String) json.get("version"),
                (String) json.get("edition"),
                Instant.parse((String) json.get("lastActivation")),
                Instant.parse((String) json.get("expiresAt"))));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  private final Path file;

  public VmGuestRoster(Path storeRoot, String product) {
    this.file = storeRoot.resolve(product).resolve("vm-host").resolve("guests.json");
  }

  /** The guests, most recently activated first; none when the file is missing or unreadable. */
  public List<Guest> read() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      Optional<Map<String, Object>> json =
          Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
      List<Guest> guests = new ArrayList<>();
      if (json.isPresent() && json.get().get("guests") instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Map<?, ?> m) {
            Guest.fromJson(m).ifPresent(guests::add);
          }
        }
      }
      // the file lists them in the order of their last activation
      java.util.Collections.reverse(guests);
      return guests;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** Records an activation: the guest's entry is replaced by this one. */
  synchronized void record(VmGrant grant) throws IOException {
    Map<String, Guest> byCmid = new LinkedHashMap<>();
    List<Guest> oldestFirst = new ArrayList<>(read());
    java.util.Collections.reverse(oldestFirst);
    oldestFirst.forEach(g -> byCmid.put(g.cmid(), g));
    byCmid.remove(grant.cmid());
    byCmid.put(
        grant.cmid(),
        new Guest(
            grant.guestName(),
            grant.cmid(),
            grant.product(),
            grant.version(),
            grant.edition(),
            grant.issuedAt(),
            grant.expiresAt()));
    List<Object> list = new ArrayList<>();
    byCmid.values().forEach(g -> list.add(g.toJson()));
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling("guests.json.tmp");
    Files.writeString(temp, Json.write(Map.of("guests", list)) + "\n", StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
