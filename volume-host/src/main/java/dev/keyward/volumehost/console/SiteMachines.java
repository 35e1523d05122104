package dev.keyward.volumehost.console;

import dev.keyward.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machines added to the inventory from their /dlv output, in the host store's {@code
 * <product>/volume-host/site-machines.json}: one entry per CMID (a new upload replaces the
 * machine's entry), written whole to a temporary file and renamed over, so a crash leaves the old
 * list or the new one.
 */
final class SiteMachines {
  static final String FORMAT = "keyward-site-machines/1";

  /** An inventory bigger than this is refused: the console pages list every machine. */
  static final int MAX_MACHINES = 10_000;

  private final Path file;

  SiteMachines(Path file) {
    this.file = file;
  }

  synchronized List<SiteMachine> all() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      Map<String, Object> json =
          Json.readObject(Files.readString(file, StandardCharsets.UTF_8)).orElse(Map.of());
      List<SiteMachine> out = new ArrayList<>();
      if (json.get("machines") instanceof List<?> list) {
        list.forEach(m -> SiteMachine.fromJson(m).ifPresent(out::add));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** Adds the machine, replacing the entry of the same CMID; false when the inventory is full. */
  synchronized boolean put(SiteMachine machine) throws IOException {
    Map<String, SiteMachine> byCmid = new LinkedHashMap<>();
    all().forEach(m -> byCmid.put(m.cmid(), m));
    if (!byCmid.containsKey(machine.cmid()) && byCmid.size() >= MAX_MACHINES) {
      return false;
    }
    byCmid.put(machine.cmid(), machine);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("machines", byCmid.values().stream().map(SiteMachine::toJson).toList());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, Json.write(json) + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }
}
