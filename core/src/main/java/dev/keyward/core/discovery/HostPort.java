package dev.keyward.core.discovery;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A host and port as an administrator types them ({@code slmgr /skms kms1.contoso.lan:1688}, {@code
 * --dns 127.0.0.1:5353}): a DNS name, an IPv4 address or a bracketed IPv6 address, and an optional
 * port.
 *
 * @param host the name or address (IPv6 without brackets), lower case
 * @param port 1 to 65535
 */
public record HostPort(String host, int port) {
  /** The volume host's port when none is given (SPEC §11). */
  public static final int VOLUME_PORT = 1688;

  private static final Pattern NAME =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

  public HostPort {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
  }

  /** The outcome of reading a typed {@code HOST[:PORT]}. */
  public sealed interface Parse {
    record Parsed(HostPort value) implements Parse {}

    record Rejected(Failure failure) implements Parse {}
  }

  /** Reads {@code HOST[:PORT]}; {@code defaultPort} when no port is given. */
  public static Parse parse(String typed, int defaultPort) {
    String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    String host = text;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        return rejected(typed, "the IPv6 address has no closing ']'");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          return rejected(typed, "only ':PORT' may follow the address");
        }
        port = rest.substring(1);
      }
      if (!IPV6.matcher(host).matches() || !host.contains(":")) {
        return rejected(typed, "'" + host + "' is not an IPv6 address");
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon >= 0) {
        if (text.indexOf(':') != colon) {
          return rejected(typed, "write an IPv6 address in brackets: [ADDRESS]:PORT");
        }
        host = text.substring(0, colon);
        port = text.substring(colon + 1);
      }
      if (!NAME.matcher(host).matches()) {
        return rejected(typed, "'" + host + "' is not a host name or address");
      }
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
    }
    int number = defaultPort;
    if (port != null) {
      if (!port.matches("[0-9]{1,5}")
          || Integer.parseInt(port) < 1
          || Integer.parseInt(port) > 65535) {
        return rejected(typed, "the port must be a number from 1 to 65535");
      }
      number = Integer.parseInt(port);
    }
    return new Parse.Parsed(new HostPort(host, number));
  }

  /** Whether {@code typed} is a DNS domain name ({@code contoso.lan}), as {@code /skms-domain}. */
  public static boolean isDomain(String typed) {
    String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    return !text.isEmpty() && !text.contains(":") && NAME.matcher(text).matches();
  }

  /** {@code host:port}, brackets around an IPv6 address. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static Parse rejected(String typed, String why) {
    return new Parse.Rejected(
        Failure.of(
            ErrorCode.BAD_REQUEST,
            "'" + typed + "' is not HOST[:PORT]: " + why + " (e.g. kms1.contoso.lan:1688)."));
  }
}
