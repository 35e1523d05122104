package dev.keyward.volumehost;

import dev.keyward.core.catalog.Family;
import dev.keyward.core.json.Json;
import dev.keyward.core.volume.VolumeInventory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a volume host's count lives (SPEC §11: it survives restarts and crashes): an append-only
 * journal of sightings ({@code {"family":"server","cmid":"…","at":"…"}} a line), forced to disk
 * before the request that made it is answered, and replayed through {@link VolumeInventory} at
 * start. Concurrent requests share one {@code fsync} (group commit: whoever syncs writes every line
 * queued so far). At open, and whenever it has grown past {@link #COMPACT_AFTER} lines, the file is
 * rewritten from the inventory (temporary file, forced, renamed over), so a line torn by a crash is
 * dropped once and never has later lines appended to it.
 */
final class CountJournal implements Closeable {
  /** Lines appended since the last rewrite after which the journal is compacted. */
  static final int COMPACT_AFTER = 10_000;

  private final Path file;
  private final int keep;
  private final Object queueLock = new Object();
  private final Object syncLock = new Object();
  private StringBuilder queued = new StringBuilder();
  private long queuedTicket;
  private long durableTicket;
  private long linesSinceRewrite;
  private FileChannel channel;

  private CountJournal(Path file, int keep) {
    this.file = file;
    this.keep = keep;
  }

  /** Opens (or creates) the journal and returns it with the inventory it holds. */
  static Opened open(Path file, int keep) throws IOException {
    CountJournal journal = new CountJournal(file, keep);
    VolumeInventory inventory = journal.replay();
    journal.rewrite(inventory);
    return new Opened(journal, inventory);
  }

  record Opened(CountJournal journal, VolumeInventory inventory) {}

  /** The inventory a journal holds, read without opening it for writing (for slmgr /dlv). */
  static VolumeInventory read(Path file, int keep) throws IOException {
    return new CountJournal(file, keep).replay();
  }

  private VolumeInventory replay() throws IOException {
    VolumeInventory inventory = VolumeInventory.empty();
    if (!Files.exists(file)) {
      return inventory;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Optional<Sighting> s = Sighting.parse(line);
      if (s.isPresent()) {
        inventory = inventory.record(s.get().family(), s.get().cmid(), s.get().at(), keep);
      }
    }
    return inventory;
  }

  /** Queues one sighting; returns the ticket to {@link #sync} before answering. */
  long append(Family family, String cmid, Instant at) {
    String line = new Sighting(family, cmid, at).toLine();
    synchronized (queueLock) {
      queued.append(line).append('\n');
      return ++queuedTicket;
    }
  }

  /** The ticket of the last line queued (0 when none): syncing it makes every count durable. */
  long lastTicket() {
    synchronized (queueLock) {
      return queuedTicket;
    }
  }

  /** Returns once every line up to {@code ticket} is on disk. */
  void sync(long ticket) throws IOException {
    synchronized (syncLock) {
      if (durableTicket >= ticket) {
        return;
      }
      StringBuilder batch;
      long upTo;
      synchronized (queueLock) {
        batch = queued;
        upTo = queuedTicket;
        queued = new StringBuilder();
      }
      ByteBuffer bytes = ByteBuffer.wrap(batch.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
      linesSinceRewrite += upTo - durableTicket;
      durableTicket = upTo;
    }
  }

  /** Whether the journal has grown enough to be rewritten from the inventory. */
  boolean wantsCompaction() {
    synchronized (syncLock) {
      return linesSinceRewrite > COMPACT_AFTER;
    }
  }

  /**
   * Rewrites the journal as {@code inventory}'s sightings. The caller holds the inventory still
   * while it is taken; lines queued meanwhile are written after it (recording a sighting twice
   * changes nothing).
   */
  void rewrite(VolumeInventory inventory) throws IOException {
    synchronized (syncLock) {
      if (channel != null) {
        sync(lastTicket());
        channel.close();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      StringBuilder text = new StringBuilder();
      for (Family family : Family.values()) {
        List<VolumeInventory.Seen> seen = inventory.seen(family);
        for (int i = seen.size() - 1; i >= 0; i--) {
          text.append(new Sighting(family, seen.get(i).cmid(), seen.get(i).lastSeen()).toLine());
          text.append('\n');
        }
      }
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(file.toAbsolutePath().getParent());
      channel = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      linesSinceRewrite = 0;
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot open a directory: the rename is then as durable as they make it
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (syncLock) {
      if (channel != null) {
        sync(lastTicket());
        channel.close();
        channel = null;
      }
    }
  }

  /** One journal line. */
  record Sighting(Family family, String cmid, Instant at) {
    String toLine() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("family", family.yamlName());
      json.put("cmid", cmid);
      json.put("at", at.toString());
      return Json.write(json);
    }

    static Optional<Sighting> parse(String line) {
      try {
        Optional<Map<String, Object>> json = Json.readObject(line);
        if (json.isEmpty()
            || !(json.get().get("family") instanceof String family)
            || !(json.get().get("cmid") instanceof String cmid)
            || !(json.get().get("at") instanceof String at)) {
          return Optional.empty();
        }
        return Family.byName(family).map(f -> new Sighting(f, cmid, Instant.parse(at)));
      } catch (RuntimeException e) {
        return Optional.empty(); // a line torn by a crash
      }
    }
  }
}
