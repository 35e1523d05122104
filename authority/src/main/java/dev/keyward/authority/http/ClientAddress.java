package dev.keyward.authority.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request comes from, for rate limits and connection caps. A request's {@code
 * X-Forwarded-For} or {@code Forwarded} header names the client only when the connection comes from
 * a trusted proxy; from anyone else it is ignored, since any client can write it. Through a chain
 * of trusted proxies the client is the right-most address that is not one of them.
 */
public final class ClientAddress {
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
  private final List<Range> trusted;

  private ClientAddress(List<Range> trusted) {
    this.trusted = trusted;
  }

  /**
   * @param proxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1})
   * @throws IllegalArgumentException naming the first entry that is not one
   */
  public static ClientAddress trusting(List<String> proxies) {
    List<Range> ranges = new ArrayList<>();
    for (String p : proxies) {
      ranges.add(
          Range.parse(p)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "trustedProxies: '" + p + "' is not an IP address or CIDR range")));
    }
    return new ClientAddress(List.copyOf(ranges));
  }

  /** Whether {@code address} (an IP literal) is one of the trusted proxies. */
  public boolean trusted(String address) {
    Optional<byte[]> bytes = bytes(address);
    return bytes.isPresent() && trusted.stream().anyMatch(r -> r.contains(bytes.get()));
  }

  /**
   * The client's address.
   *
   * @param remote the peer of the TCP connection
   * @param forwarded the {@code Forwarded} header or null
   * @param forwardedFor the {@code X-Forwarded-For} header or null
   */
  public String resolve(String remote, String forwarded, String forwardedFor) {
    if (trusted.isEmpty() || !trusted(remote)) {
      return remote;
    }
    List<String> hops =
        forwarded != null
            ? forwardedFor(forwarded)
            : forwardedFor != null ? split(forwardedFor) : null;
    if (hops == null || hops.isEmpty()) {
      return remote;
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (bytes(hop).isEmpty()) {
        return remote; // an unreadable hop: do not guess, count the proxy itself
      }
      if (!trusted(hop)) {
        return hop;
      }
    }
    return hops.get(0);
  }

  private static List<String> split(String header) {
    List<String> out = new ArrayList<>();
    for (String part : header.split(",", 64)) {
      out.add(clean(part));
    }
    return out;
  }

  /** The {@code for=} values of RFC 7239 elements, in order. */
  private static List<String> forwardedFor(String header) {
    List<String> out = new ArrayList<>();
    for (String element : header.split(",", 64)) {
      for (String pair : element.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
          out.add(clean(pair.substring(eq + 1)));
        }
      }
    }
    return out;
  }

  /** Strips quotes, brackets and an IPv4 port ({@code "[2001:db8::1]:443"}, {@code 1.2.3.4:80}). */
  private static String clean(String value) {
    String v = value.strip();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      return close > 0 ? v.substring(1, close) : v;
    }
    int colon = v.indexOf(':');
    if (colon > 0 && colon == v.lastIndexOf(':')) {
      v = v.substring(0, colon);
    }
    return v.toLowerCase(Locale.ROOT);
  }

  /** The bytes of an IP literal; never a name lookup. */
  static Optional<byte[]> bytes(String address) {
    if (address == null || address.isEmpty() || !LITERAL.matcher(address).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(address).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private record Range(byte[] network, int bits) {
    static Optional<Range> parse(String text) {
      String t = text == null ? "" : text.strip();
      int slash = t.indexOf('/');
      Optional<byte[]> address = bytes(slash < 0 ? t : t.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      int max = address.get().length * 8;
      int bits = max;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (bits < 0 || bits > max) {
          return Optional.empty();
        }
      }
      return Optional.of(new Range(address.get(), bits));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
