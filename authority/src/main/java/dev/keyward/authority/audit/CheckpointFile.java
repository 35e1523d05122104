package dev.keyward.authority.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints as JSON lines: the authority's {@code <data>/audit-checkpoints.jsonl}, an operator's
 * copy of it, or a server log (whose checkpoint lines read {@code ... audit checkpoint {...}}).
 * Appends are flushed to the disk before they return: a checkpoint written is a checkpoint kept.
 */
public final class CheckpointFile {
  /** The file's name in the data directory. */
  public static final String NAME = "audit-checkpoints.jsonl";

  /** What precedes the JSON on a server log line. */
  public static final String LOG_MARKER = "audit checkpoint ";

  /** The checkpoints of a file and the lines that looked like checkpoints but were not. */
  public record Read(List<AuditCheckpoint> checkpoints, List<AuditProblem> problems) {
    public Read {
      checkpoints = List.copyOf(checkpoints);
      problems = List.copyOf(problems);
    }
  }

  private final Path file;

  public CheckpointFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** Appends one line and forces it to the disk. */
  public synchronized void append(AuditCheckpoint checkpoint) throws IOException {
    byte[] line = (checkpoint.line() + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** The checkpoint with the highest sequence number in this file, if it holds any. */
  public synchronized Optional<AuditCheckpoint> latest() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return read(file).checkpoints().stream()
        .max(java.util.Comparator.comparingLong(AuditCheckpoint::seq));
  }

  /** Reads a checkpoint file or a server log; a missing file is an IOException. */
  public static Read read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Reads lines: a line that is a JSON object, or a log line with {@link #LOG_MARKER} and a JSON
   * object after it, must be a checkpoint; any other line (log lines, blank lines) is skipped.
   */
  public static Read parse(List<String> lines, String source) {
    List<AuditCheckpoint> checkpoints = new ArrayList<>();
    List<AuditProblem> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String json;
      int marker = line.indexOf(LOG_MARKER + "{");
      if (line.startsWith("{")) {
        json = line;
      } else if (marker >= 0) {
        json = line.substring(marker + LOG_MARKER.length());
      } else {
        continue;
      }
      Optional<AuditCheckpoint> checkpoint = AuditCheckpoint.parse(json);
      if (checkpoint.isPresent()) {
        checkpoints.add(checkpoint.get());
      } else {
        problems.add(
            new AuditProblem(
                AuditProblem.Kind.MALFORMED_CHECKPOINT,
                0,
                "line "
                    + (i + 1)
                    + " of "
                    + source
                    + " is not a checkpoint (seq, hash, at, keyId, signature)"));
      }
    }
    return new Read(checkpoints, problems);
  }
}
