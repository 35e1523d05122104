package dev.keyward.authority;

import dev.keyward.authority.http.ClientAddress;
import dev.keyward.authority.http.HttpEdge;
import dev.keyward.authority.http.PemKeys;
import dev.keyward.authority.startup.StartupException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Start-up checks of the HTTP edge: what an operator must fix before the authority listens. */
final class EdgeChecks {
  private EdgeChecks() {}

  /** The trusted proxies, or a {@link StartupException} naming the entry that is not an address. */
  static ClientAddress proxies(HttpEdge edge) {
    try {
      return ClientAddress.trusting(edge.trustedProxies());
    } catch (IllegalArgumentException e) {
      throw new ConfigSources.UsageException(e.getMessage());
    }
  }

  /**
   * Plain HTTP only on loopback: product keys and certificates cross this connection, so an address
   * others can reach needs TLS, or {@code --insecure-http} when a TLS proxy in front of the
   * authority does it.
   */
  static void requireTlsOffLoopback(String bind, HttpEdge edge) {
    if (edge.tls().isPresent() || edge.insecureHttp() || loopback(bind)) {
      return;
    }
    throw new ConfigSources.UsageException(
        "refusing to serve plain HTTP on "
            + bind
            + ", an address other machines can reach: give --tls-cert FILE --tls-key FILE (or"
            + " --tls-keystore FILE), or --insecure-http when a TLS proxy in front of the"
            + " authority terminates TLS (docs/security.md)");
  }

  /** Reads the PEM files once before anything starts, so a bad file is one clear message. */
  static void requireReadableTls(HttpEdge edge) {
    if (edge.tls().orElse(null) instanceof HttpEdge.Tls.Pem pem) {
      PemKeys.load(pem.certificate(), pem.privateKey());
    }
  }

  static boolean loopback(String bind) {
    String host =
        bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9A-Fa-f:.]+")) {
      return false; // a name: it may resolve to anything later; treat as public
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
