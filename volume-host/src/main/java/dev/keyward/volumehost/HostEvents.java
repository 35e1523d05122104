package dev.keyward.volumehost;

import dev.keyward.core.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The host's event log (SPEC §9, §11): JSON lines with a stable {@code id} in the host store's
 * {@code <product>/events.jsonl}, beside the client's events of the same store. Each event is one
 * {@code write} to the file opened for appending (it survives the process being killed; unlike the
 * client's few events it is not forced to disk one by one, as 12290 is written for every request).
 */
final class HostEvents implements Closeable {
  /** A volume request was processed (with its CMID, count and result code). */
  static final int REQUEST_PROCESSED = 12290;

  /** Publishing the host's SRV record failed (with the DNS answer). */
  static final int DNS_PUBLISH_FAILED = 12293;

  /** The host's SRV record was published. */
  static final int DNS_PUBLISHED = 12294;

  private final Clock clock;
  private final FileChannel channel;

  HostEvents(Path file, Clock clock) throws IOException {
    this.clock = clock;
    Files.createDirectories(file.toAbsolutePath().getParent());
    this.channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  /** Writes one event; a failing log never fails a request. */
  void log(int id, String name, Map<String, ?> details) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("at", clock.instant().toString());
    event.put("id", id);
    event.put("event", name);
    event.putAll(details);
    ByteBuffer bytes = ByteBuffer.wrap((Json.write(event) + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      synchronized (channel) {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      }
    } catch (IOException e) {
      // the answer matters more than its log line; a full disk shows in the journal's sync
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (channel) {
      channel.force(false);
      channel.close();
    }
  }
}
