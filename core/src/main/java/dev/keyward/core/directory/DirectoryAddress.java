package dev.keyward.core.directory;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a directory is: {@code ldap://HOST:PORT} and, for a join, the base DN after the slash
 * ({@code ldap://HOST:PORT/BASE}, percent-encoded where it has spaces). Port 389 when none is
 * given.
 */
public record DirectoryAddress(String host, int port, Optional<String> base) {
  public static final int LDAP_PORT = 389;

  private static final Pattern URL =
      Pattern.compile("(?i)ldap://(\\[[0-9a-f:.]+\\]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?(?:/(.*))?");

  /** Parsing an address: the value, or why it is not one (0xC0DE0007). */
  public sealed interface Parse {
    record Parsed(DirectoryAddress value) implements Parse {}

    record Rejected(Failure failure) implements Parse {}
  }

  public static Parse parse(String text) {
    Matcher m = URL.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return rejected("'" + text + "' is not an LDAP address: write ldap://HOST:PORT[/BASE]");
    }
    int port = LDAP_PORT;
    if (m.group(2) != null) {
      port = Integer.parseInt(m.group(2));
      if (port < 1 || port > 65535) {
        return rejected("the port of '" + text + "' is not from 1 to 65535");
      }
    }
    Optional<String> base = Optional.empty();
    if (m.group(3) != null && !m.group(3).isBlank()) {
      try {
        base = Optional.of(URLDecoder.decode(m.group(3), StandardCharsets.UTF_8).strip());
      } catch (IllegalArgumentException e) {
        return rejected("the base of '" + text + "' is not percent-encoded correctly");
      }
    }
    String host = m.group(1);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Parse.Parsed(new DirectoryAddress(host, port, base));
  }

  private static Parse rejected(String why) {
    return new Parse.Rejected(Failure.of(ErrorCode.BAD_REQUEST, why + "."));
  }

  /** {@code ldap://HOST:PORT} without the base. */
  public String server() {
    return "ldap://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return server() + base.map(b -> "/" + b).orElse("");
  }
}
