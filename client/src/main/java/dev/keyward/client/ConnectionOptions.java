package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the client talks to an authority: how long it waits, which certificate authorities it trusts
 * for HTTPS, and what it says while it waits. Certificates are always verified; a CA file adds a
 * private CA to the trust (it replaces the JDK's list for this connection).
 *
 * @param timeout the longest wait for one answer (connect and response)
 * @param tls the TLS context to verify the authority with; empty: the JDK's default trust store
 * @param progressAfter how long a request may take before {@code progress} is told once
 * @param progress told one line when an answer is slow (the CLI prints it on stderr)
 */
public record ConnectionOptions(
    Duration timeout, Optional<SSLContext> tls, Duration progressAfter, Consumer<String> progress) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_PROGRESS_AFTER = Duration.ofSeconds(3);
  public static final ConnectionOptions DEFAULT =
      new ConnectionOptions(DEFAULT_TIMEOUT, Optional.empty(), DEFAULT_PROGRESS_AFTER, line -> {});

  public ConnectionOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(progressAfter, "progressAfter");
    Objects.requireNonNull(progress, "progress");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be more than 0");
    }
  }

  public ConnectionOptions withTimeout(Duration timeout) {
    return new ConnectionOptions(timeout, tls, progressAfter, progress);
  }

  public ConnectionOptions withSslContext(SSLContext context) {
    return new ConnectionOptions(timeout, Optional.of(context), progressAfter, progress);
  }

  /** Trusts the certificate authorities of a PEM file (one or more certificates). */
  public ConnectionOptions withCaFile(Path pem) {
    return withSslContext(trusting(pem));
  }

  public ConnectionOptions withProgress(Duration after, Consumer<String> progress) {
    return new ConnectionOptions(timeout, tls, after, progress);
  }

  /**
   * A TLS context trusting exactly the certificates of {@code pem}.
   *
   * @throws KeywardException when the file is missing or holds no certificate
   */
  public static SSLContext trusting(Path pem) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(pem);
    } catch (IOException e) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "The CA file " + pem + " cannot be read (not found or not readable).");
    }
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes));
      if (certificates.isEmpty()) {
        throw new GeneralSecurityException("no certificate");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (Certificate c : certificates) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          "The CA file "
              + pem
              + " holds no PEM certificate ('-----BEGIN CERTIFICATE-----'); give the certificate"
              + " of the CA that signed the authority's certificate.");
    }
  }
}
