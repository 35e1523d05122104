package dev.keyward.benchmarks;

import dev.keyward.authority.crypto.CertificateSigner;
import dev.keyward.core.catalog.Channel;
import dev.keyward.core.cert.ActivationCertificate;
import dev.keyward.core.cert.CertificateCheck;
import dev.keyward.core.cert.CertificateVerifier;
import dev.keyward.core.cert.SignedCertificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Activation certificates: the authority signs with BouncyCastle Ed25519 ({@link
 * CertificateSigner}), clients verify with the JDK ({@link CertificateVerifier}). Both include
 * building the canonical JSON, as in the authority and the client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CertificateBenchmark {
  private CertificateSigner signer;
  private CertificateVerifier verifier;
  private ActivationCertificate certificate;
  private SignedCertificate signed;

  @Setup
  public void setup() {
    SplittableRandom random = new SplittableRandom(7);
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    signer = new CertificateSigner(seed);
    verifier = new CertificateVerifier(List.of(signer.publicKey()));
    certificate =
        new ActivationCertificate(
            "cert-abcdefghijkmnpqrstuv",
            "pk-abcdefghijkmnpqrstuv",
            "7QK2M",
            "winserver",
            "2022",
            "ServerStandard",
            Channel.VOLUME_MAK,
            Fixtures.machine(random),
            "6f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f",
            Instant.parse("2026-03-01T10:00:00Z"),
            Optional.empty(),
            signer.keyId());
    signed = signer.sign(certificate);
    if (!(verifier.verify(signed) instanceof CertificateCheck.Valid)) {
      throw new IllegalStateException("the signature does not verify");
    }
  }

  @Benchmark
  public SignedCertificate sign() {
    return signer.sign(certificate);
  }

  @Benchmark
  public CertificateCheck verify() {
    return verifier.verify(signed);
  }
}
