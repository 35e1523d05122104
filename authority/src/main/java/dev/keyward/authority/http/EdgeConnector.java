package dev.keyward.authority.http;

import dev.keyward.authority.startup.StartupException;
import java.security.KeyStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one listening connector: plain HTTP or TLS (docs/security.md), with the per-connection
 * defences: an idle timeout, a minimum request body data rate (a slow body is refused with 408
 * instead of holding a worker thread) and a cap on open connections per client address.
 */
public final class EdgeConnector {
  private EdgeConnector() {}

  public static ServerConnector create(
      Server server,
      HttpConfiguration base,
      String host,
      int port,
      HttpEdge edge,
      ClientAddress proxies) {
    HttpConfiguration http = new HttpConfiguration(base);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setMinRequestDataRate(edge.minRequestBytesPerSecond());
    http.setIdleTimeout(edge.idleTimeout().toMillis());
    ServerConnector connector;
    if (edge.tls().isPresent()) {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // One certificate for every name: the Host header need not match an SNI name.
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      connector =
          new ServerConnector(
              server,
              new SslConnectionFactory(tls(edge.tls().get()), "http/1.1"),
              new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(edge.idleTimeout().toMillis());
    if (edge.maxConnectionsPerAddress() > 0) {
      connector.addBean(new ConnectionCap(edge.maxConnectionsPerAddress(), proxies));
    }
    return connector;
  }

  private static SslContextFactory.Server tls(HttpEdge.Tls tls) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    switch (tls) {
      case HttpEdge.Tls.Pem pem -> {
        KeyStore store = PemKeys.load(pem.certificate(), pem.privateKey());
        ssl.setKeyStore(store);
        ssl.setKeyStorePassword(new String(PemKeys.PASSWORD));
      }
      case HttpEdge.Tls.Keystore ks -> {
        if (!java.nio.file.Files.isReadable(ks.file())) {
          throw new StartupException(ks.file() + ": the TLS keystore cannot be read");
        }
        ssl.setKeyStorePath(ks.file().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(ks.password());
      }
    }
    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    return ssl;
  }
}
