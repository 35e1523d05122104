package dev.keyward.volumehost.console;

import dev.keyward.core.json.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the host store's event log ({@code <product>/events.jsonl}) for the console: the machines
 * the host has served, from its 12290 events, and the latest events. Only the last {@link
 * #TAIL_BYTES} of the file are read, so a busy host's years of log never slow a page down.
 */
final class RequestLog {
  static final long TAIL_BYTES = 16L * 1024 * 1024;
  static final int REQUEST_PROCESSED = 12290;

  private final Path file;

  RequestLog(Path file) {
    this.file = file;
  }

  /** The events read, oldest first. */
  List<Map<String, Object>> events() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
      for (int i = start > 0 ? 1 : 0; i < lines.length; i++) {
        try {
          Json.readObject(lines[i]).ifPresent(out::add);
        } catch (RuntimeException e) {
          // a line torn by a crash: left out
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return out;
  }

  /** The latest {@code n} events, newest first. */
  List<Map<String, Object>> latest(int n) {
    List<Map<String, Object>> all = events();
    List<Map<String, Object>> out =
        new ArrayList<>(all.subList(Math.max(0, all.size() - n), all.size()));
    Collections.reverse(out);
    return out;
  }

  /** Each machine the host answered, by CMID, most recent request first. */
  List<ServedMachine> served() {
    Map<String, ServedMachine> byCmid = new LinkedHashMap<>();
    for (Map<String, Object> e : events()) {
      if (!(e.get("id") instanceof Number id) || id.intValue() != REQUEST_PROCESSED) {
        continue;
      }
      try {
        String cmid = (String) e.get("cmid");
        Instant at = Instant.parse((String) e.get("at"));
        String result = String.valueOf(e.get("result"));
        ServedMachine before = byCmid.remove(cmid);
        Optional<Instant> granted =
            ServedMachine.GRANTED.equals(result)
                ? Optional.of(at)
                : before == null ? Optional.empty() : before.lastGranted();
        byCmid.put(
            cmid,
            new ServedMachine(
                cmid,
                (String) e.get("product"),
                (String) e.get("version"),
                (String) e.get("edition"),
                String.valueOf(e.get("client")),
                at,
                result,
                granted));
      } catch (RuntimeException ignored) {
        // an event without the fields of 12290 is not a request
      }
    }
    List<ServedMachine> out = new ArrayList<>(byCmid.values());
    Collections.reverse(out);
    return out;
  }
}
