package dev.keyward.authority;

import dev.keyward.authority.http.HttpEdge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The TLS settings of the flags ({@code --tls-cert}, {@code --tls-key}, {@code --tls-keystore}) and
 * the environment ({@code KEYWARD_TLS_*}); flags win over the environment, which wins over the
 * file's {@code tls:} block. The keystore password only ever comes from the environment, so that it
 * is not shown by {@code ps}.
 */
final class TlsSources {
  private TlsSources() {}

  static void apply(
      AuthorityConfig.Builder builder, Map<String, String> flags, Map<String, String> env) {
    Optional<String> cert = ConfigSources.first(flags.get("--tls-cert"), null);
    Optional<String> key = ConfigSources.first(flags.get("--tls-key"), null);
    Optional<String> keystore = ConfigSources.first(flags.get("--tls-keystore"), null);
    String where = "--tls-cert / --tls-key / --tls-keystore";
    if (cert.isEmpty() && key.isEmpty() && keystore.isEmpty()) {
      cert = ConfigSources.first(env.get("KEYWARD_TLS_CERT"), null);
      key = ConfigSources.first(env.get("KEYWARD_TLS_KEY"), null);
      keystore = ConfigSources.first(env.get("KEYWARD_TLS_KEYSTORE"), null);
      where = "KEYWARD_TLS_CERT / KEYWARD_TLS_KEY / KEYWARD_TLS_KEYSTORE";
    }
    of(cert, key, keystore, env.get("KEYWARD_TLS_KEYSTORE_PASSWORD"), where)
        .ifPresent(tls -> builder.edge(e -> e.withTls(tls)));
  }

  /** The TLS setting these name, or empty when none is given; a half-given one is refused. */
  static Optional<HttpEdge.Tls> of(
      Optional<String> cert,
      Optional<String> key,
      Optional<String> keystore,
      String password,
      String where) {
    if (keystore.isPresent()) {
      if (cert.isPresent() || key.isPresent()) {
        throw new ConfigSources.UsageException(
            where + ": give either a certificate and key or a keystore, not both");
      }
      return Optional.of(
          new HttpEdge.Tls.Keystore(
              readable(keystore.get(), where), password == null ? "" : password));
    }
    if (cert.isPresent() != key.isPresent()) {
      throw new ConfigSources.UsageException(
          where
              + ": TLS needs both the certificate (--tls-cert FILE) and its private key"
              + " (--tls-key FILE)");
    }
    if (cert.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new HttpEdge.Tls.Pem(readable(cert.get(), where), readable(key.get(), where)));
  }

  private static Path readable(String text, String where) {
    Path p = ConfigSources.path(text, where);
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new ConfigSources.UsageException(where + ": " + p + " is not a readable file");
    }
    return p.toAbsolutePath();
  }
}
