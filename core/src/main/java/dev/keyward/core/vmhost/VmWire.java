package dev.keyward.core.vmhost;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The framing of the host-only channel (SPEC §12): each side writes one UTF-8 JSON text ended by a
 * line feed (the guest its request, the agent its answer), then the connection ends. Reads are
 * bounded: a message larger than the reader's limit, or that is not UTF-8, is not a message.
 */
public final class VmWire {
  /** The most a guest's request may take: far more than a request needs. */
  public static final int MAX_REQUEST = 8 * 1024;

  /** The most an agent's answer may take (it carries the host's certificate). */
  public static final int MAX_ANSWER = 64 * 1024;

  private VmWire() {}

  /**
   * Reads one message: the bytes up to the first line feed, or to the end of the stream; empty when
   * it is larger than {@code max} bytes or not valid UTF-8.
   */
  public static Optional<String> read(ReadableByteChannel channel, int max) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(max + 1);
    ByteBuffer one = ByteBuffer.allocate(1024);
    while (true) {
      one.clear();
      int n = channel.read(one);
      if (n < 0) {
        break;
      }
      one.flip();
      while (one.hasRemaining()) {
        byte b = one.get();
        if (b == '\n') {
          return decode(buffer);
        }
        if (!buffer.hasRemaining() || buffer.position() == max) {
          return Optional.empty();
        }
        buffer.put(b);
      }
    }
    return decode(buffer);
  }

  /** Writes one message and its line feed. */
  public static void write(WritableByteChannel channel, String message) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  private static Optional<String> decode(ByteBuffer buffer) {
    buffer.flip();
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(buffer)
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
