package dev.keyward.authority.http;

import dev.keyward.authority.startup.StartupException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A TLS key store built in memory from PEM files as openssl writes them: a certificate chain
 * (server certificate first) and an unencrypted private key in PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}) form.
 */
public final class PemKeys {
  static final char[] PASSWORD = "keyward".toCharArray();
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  private PemKeys() {}

  /** Reads both files; any fault is a {@link StartupException} naming the file and the fix. */
  public static KeyStore load(Path certificateFile, Path keyFile) {
    List<Certificate> chain = certificates(certificateFile);
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, PASSWORD, chain.toArray(Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new StartupException(
          "the TLS key in " + keyFile + " does not fit the certificate in " + certificateFile, e);
    }
  }

  private static List<Certificate> certificates(Path file) {
    List<Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block b : blocks(file)) {
        if (b.type().equals("CERTIFICATE")) {
          chain.add(factory.generateCertificate(new ByteArrayInputStream(b.der())));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new StartupException(
          file + ": not a readable PEM certificate (" + e.getMessage() + ")");
    }
    if (chain.isEmpty()) {
      throw new StartupException(
          file + ": no '-----BEGIN CERTIFICATE-----' block; --tls-cert takes a PEM certificate");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path file) {
    for (Block b : blocks(file)) {
      try {
        switch (b.type()) {
          case "PRIVATE KEY":
            return pkcs8(b.der());
          case "RSA PRIVATE KEY":
            return pkcs8(
                new PrivateKeyInfo(
                        new AlgorithmIdentifier(
                            PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        ASN1Primitive.fromByteArray(b.der()))
                    .getEncoded());
          case "EC PRIVATE KEY":
            ECPrivateKey ec = ECPrivateKey.getInstance(b.der());
            return pkcs8(
                new PrivateKeyInfo(
                        new AlgorithmIdentifier(
                            X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()),
                        ec)
                    .getEncoded());
          case "ENCRYPTED PRIVATE KEY":
            throw new StartupException(
                file
                    + ": the private key is encrypted; decrypt it (openssl pkcs8 -in "
                    + file
                    + " -out key.pem -nocrypt) or use --tls-keystore");
          default:
            break;
        }
      } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
        throw new StartupException(file + ": the private key cannot be read (" + e + ")");
      }
    }
    throw new StartupException(
        file + ": no '-----BEGIN PRIVATE KEY-----' block; --tls-key takes a PEM private key");
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    GeneralSecurityException last = null;
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  private record Block(String type, byte[] der) {}

  private static List<Block> blocks(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new StartupException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      try {
        out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
      } catch (IllegalArgumentException e) {
        throw new StartupException(file + ": a PEM block is not valid base64");
      }
    }
    return out;
  }
}
