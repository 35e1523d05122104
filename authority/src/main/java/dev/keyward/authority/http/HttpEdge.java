package dev.keyward.authority.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the authority meets the network (docs/security.md, "Network attacker and the HTTP edge"):
 * TLS, which proxies may name the client's address, and what a single connection may hold.
 *
 * @param tls serve HTTPS with these keys; empty: plain HTTP
 * @param insecureHttp allow plain HTTP on an address other than loopback (behind a TLS proxy)
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} / {@code Forwarded}
 *     headers name the client; from anyone else those headers are ignored
 * @param maxConnectionsPerAddress open connections one client address may hold; 0: no cap
 * @param idleTimeout a connection that sends nothing for this long is closed
 * @param minRequestBytesPerSecond a request body slower than this on average is refused (408)
 */
public record HttpEdge(
    Optional<Tls> tls,
    boolean insecureHttp,
    List<String> trustedProxies,
    int maxConnectionsPerAddress,
    Duration idleTimeout,
    int minRequestBytesPerSecond) {

  public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MIN_REQUEST_BYTES_PER_SECOND = 256;

  public static final HttpEdge DEFAULT =
      new HttpEdge(
          Optional.empty(),
          false,
          List.of(),
          DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
          DEFAULT_IDLE_TIMEOUT,
          DEFAULT_MIN_REQUEST_BYTES_PER_SECOND);

  public HttpEdge {
    Objects.requireNonNull(tls, "tls");
    trustedProxies = List.copyOf(trustedProxies);
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (maxConnectionsPerAddress < 0) {
      throw new IllegalArgumentException("maxConnectionsPerAddress must be >= 0");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be more than 0");
    }
    if (minRequestBytesPerSecond < 0) {
      throw new IllegalArgumentException("minRequestBytesPerSecond must be >= 0");
    }
  }

  public HttpEdge withTls(Tls tls) {
    return new HttpEdge(
        Optional.of(tls),
        insecureHttp,
        trustedProxies,
        maxConnectionsPerAddress,
        idleTimeout,
        minRequestBytesPerSecond);
  }

  public HttpEdge withInsecureHttp(boolean insecure) {
    return new HttpEdge(
        tls,
        insecure,
        trustedProxies,
        maxConnectionsPerAddress,
        idleTimeout,
        minRequestBytesPerSecond);
  }

  public HttpEdge withTrustedProxies(List<String> proxies) {
    return new HttpEdge(
        tls,
        insecureHttp,
        proxies,
        maxConnectionsPerAddress,
        idleTimeout,
        minRequestBytesPerSecond);
  }

  public HttpEdge withMaxConnectionsPerAddress(int max) {
    return new HttpEdge(
        tls, insecureHttp, trustedProxies, max, idleTimeout, minRequestBytesPerSecond);
  }

  public HttpEdge withIdleTimeout(Duration timeout) {
    return new HttpEdge(
        tls,
        insecureHttp,
        trustedProxies,
        maxConnectionsPerAddress,
        timeout,
        minRequestBytesPerSecond);
  }

  public HttpEdge withMinRequestBytesPerSecond(int rate) {
    return new HttpEdge(
        tls, insecureHttp, trustedProxies, maxConnectionsPerAddress, idleTimeout, rate);
  }

  /** The server's certificate and private key: PEM files, or a PKCS#12 keystore. */
  public sealed interface Tls {
    /** A certificate chain (server first) and its unencrypted private key, both PEM. */
    record Pem(Path certificate, Path privateKey) implements Tls {}

    /** A PKCS#12 keystore holding one private key entry and its chain. */
    record Keystore(Path file, String password) implements Tls {
      @Override
      public String toString() {
        return "Keystore[" + file + "]";
      }
    }
  }
}
