package dev.keyward.authority.http;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Reads a request body while counting it: at most {@code max + 1} bytes are ever read, whether the
 * body is fixed-length or chunked, so a huge upload costs its first {@code max} bytes and a 413,
 * not the heap. A body cut short, broken chunk framing or a body slower than the minimum data rate
 * is a client error (400 / 408), never a 500. Every refusal closes the connection, so the rest of
 * the body is not read either.
 */
final class RequestBody {
  private static final Map<String, String> CLOSE = Map.of("Connection", "close");

  private RequestBody() {}

  static byte[] read(Context ctx, int max) {
    long declared = ctx.contentLength();
    if (declared > max) {
      throw tooLarge(max);
    }
    try {
      InputStream in = ctx.req().getInputStream();
      if (declared >= 0) {
        return declared(in, (int) declared);
      }
      return chunked(in, max);
    } catch (BadMessageException e) {
      throw broken(e.getCode(), e);
    } catch (IOException e) {
      throw broken(e.getCause() instanceof BadMessageException b ? b.getCode() : 400, e);
    }
  }

  /**
   * A body of a declared length (at most {@code max}, checked): read straight into an array of that
   * size, no buffer and no copy (every activation's body). The server gives no more than the
   * declared length and fails a body cut short.
   */
  private static byte[] declared(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    int at = 0;
    while (at < length) {
      int n = in.read(body, at, length - at);
      if (n < 0) {
        return Arrays.copyOf(body, at);
      }
      at += n;
    }
    return body;
  }

  /** A body without a declared length: counted as it comes, at most {@code max + 1} bytes. */
  private static byte[] chunked(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
    byte[] buffer = new byte[8192];
    while (true) {
      int room = max + 1 - out.size();
      int n = in.read(buffer, 0, Math.min(buffer.length, room));
      if (n < 0) {
        return out.toByteArray();
      }
      out.write(buffer, 0, n);
      if (out.size() > max) {
        throw tooLarge(max);
      }
    }
  }

  static ApiException tooLarge(int max) {
    return new ApiException(
        413,
        Failure.of(ErrorCode.BAD_REQUEST, "The request body is larger than " + max + " bytes."),
        Map.of(),
        CLOSE);
  }

  private static ApiException broken(int code, Exception e) {
    if (code == 408) {
      return new ApiException(
          408,
          Failure.of(
              ErrorCode.BAD_REQUEST,
              "The request body arrived too slowly; the connection was closed."),
          Map.of(),
          CLOSE);
    }
    return new ApiException(
        400,
        Failure.of(
            ErrorCode.BAD_REQUEST,
            "The request body is malformed or was cut short (" + reason(e) + ")."),
        Map.of(),
        CLOSE);
  }

  /** Jetty's reason, which names the framing fault and never holds body bytes. */
  private static String reason(Exception e) {
    Throwable t = e instanceof BadMessageException ? e : e.getCause();
    String reason =
        t instanceof BadMessageException b && b.getReason() != null
            ? b.getReason()
            : e.getClass().getSimpleName().replace("Exception", "").toLowerCase();
    reason = reason.replaceAll("[^\\x20-\\x7e]", "?");
    return reason.length() > 80 ? reason.substring(0, 80) : reason;
  }
}
