package dev.keyward.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that POSTs JSON and reads the answer: status and body
 * (Content-Length or chunked). What a load generator needs and no more, so that on a small machine
 * the client leaves the CPU to the server it measures; {@code java.net.http.HttpClient} spends
 * several times as much per request (docs/benchmarks.md). Not thread-safe: one per client thread.
 */
final class RawHttp implements AutoCloseable {
  record Response(int status, String body) {}

  private final InetSocketAddress address;
  private final String hostHeader;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  RawHttp(URI base) {
    this.address = new InetSocketAddress(base.getHost(), base.getPort());
    this.hostHeader = base.getHost() + ":" + base.getPort();
  }

  Response post(String path, byte[] json) throws IOException {
    for (int attempt = 0; ; attempt++) {
      boolean fresh = socket == null;
      try {
        if (fresh) {
          connect();
        }
        return exchange(path, json);
      } catch (IOException e) {
        close();
        // A kept-alive connection the server closed meanwhile: once more on a new one.
        if (fresh || attempt > 0) {
          throw e;
        }
      }
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address, 10_000);
    socket.setSoTimeout(60_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
  }

  private Response exchange(String path, byte[] json) throws IOException {
    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + hostHeader
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + json.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(json, 0, request, head.length, json.length);
    out.write(request);
    out.flush();

    String status = line();
    // HTTP/1.1 200 OK
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Integer.parseInt(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    byte[] body;
    if (chunked) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
          size > 0;
          size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
        all.write(bytes(size));
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
      body = all.toByteArray();
    } else if (length >= 0) {
      body = bytes(length);
    } else {
      body = in.readAllBytes();
      close = true;
    }
    if (close) {
      close();
    }
    return new Response(code, new String(body, StandardCharsets.UTF_8));
  }

  private byte[] bytes(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException("the connection closed in a body");
    }
    return b;
  }

  private String line() throws IOException {
    StringBuilder b = new StringBuilder(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("the connection closed");
      }
      if (c == '\n') {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
      }
      b.append((char) c);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    socket = null;
  }
}
