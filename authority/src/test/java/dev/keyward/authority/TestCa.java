package dev.keyward.authority;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A real certificate authority for tests: an EC P-256 CA certificate and server certificates it
 * signs (SAN 127.0.0.1 and localhost), written as PEM files like openssl writes them.
 */
public final class TestCa {
  private static final AlgorithmIdentifier ECDSA_SHA256 =
      new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

  public final KeyPair keys;
  public final X509Certificate certificate;

  private TestCa(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  public static TestCa create(String name) throws Exception {
    KeyPair keys = ecKeys();
    X500Name subject = new X500Name("CN=" + name);
    Extensions ext =
        new Extensions(
            new Extension(
                Extension.basicConstraints, true, new BasicConstraints(true).getEncoded()));
    return new TestCa(
        keys, sign(subject, subject, keys.getPublic().getEncoded(), keys.getPrivate(), ext));
  }

  /** A server certificate for 127.0.0.1 and localhost; its key pair is returned with it. */
  public Issued issue(String cn) throws Exception {
    KeyPair server = ecKeys();
    GeneralNames names =
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost")
            });
    Extensions ext =
        new Extensions(
            new Extension[] {
              new Extension(
                  Extension.basicConstraints, true, new BasicConstraints(false).getEncoded()),
              new Extension(Extension.subjectAlternativeName, false, names.getEncoded())
            });
    X509Certificate cert =
        sign(
            X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
            new X500Name("CN=" + cn),
            server.getPublic().getEncoded(),
            keys.getPrivate(),
            ext);
    return new Issued(server, cert);
  }

  public record Issued(KeyPair keys, X509Certificate certificate) {
    /** Writes cert.pem (with the chain) and key.pem (PKCS#8) into {@code dir}. */
    public Path[] write(Path dir) throws IOException, GeneralSecurityException {
      Path cert = dir.resolve("cert.pem");
      Path key = dir.resolve("key.pem");
      Files.writeString(
          cert, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
      Files.writeString(
          key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
      return new Path[] {cert, key};
    }
  }

  public Path writeCertificate(Path file) throws IOException, GeneralSecurityException {
    Files.writeString(
        file, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
    return file;
  }

  public SSLContext trustingContext() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate sign(
      X500Name issuer, X500Name subject, byte[] publicKey, PrivateKey signer, Extensions ext)
      throws Exception {
    long now = System.currentTimeMillis();
    V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
    tbs.setSerialNumber(new org.bouncycastle.asn1.ASN1Integer(BigInteger.valueOf(now)));
    tbs.setIssuer(issuer);
    tbs.setSubject(subject);
    tbs.setStartDate(new Time(new Date(now - 3_600_000L)));
    tbs.setEndDate(new Time(new Date(now + 86_400_000L * 30)));
    tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(publicKey));
    tbs.setSignature(ECDSA_SHA256);
    tbs.setExtensions(ext);
    TBSCertificate body = tbs.generateTBSCertificate();
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(signer);
    s.update(body.getEncoded());
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(body);
    v.add(ECDSA_SHA256);
    v.add(new DERBitString(s.sign()));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new java.io.ByteArrayInputStream(new DERSequence(v).getEncoded()));
  }
}
