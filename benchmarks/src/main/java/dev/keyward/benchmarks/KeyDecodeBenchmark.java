package dev.keyward.benchmarks;

import dev.keyward.core.key.HmacAuthorityTagger;
import dev.keyward.core.key.KeyDecoding;
import dev.keyward.core.key.KeyFingerprint;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
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
 * Reading a typed key: {@link ProductKeyCodec#decode} with the catalog's group predicate (what
 * every client request starts with), and what the authority adds before it touches the database:
 * the authority tag (HMAC) and the fingerprint it looks the key up by (HMAC).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KeyDecodeBenchmark {
  private static final int KEYS = 1024;

  private final String[] typed = new String[KEYS];
  private HmacAuthorityTagger tagger;
  private KeyFingerprint fingerprint;
  private int next;

  @Setup
  public void setup() {
    SplittableRandom random = new SplittableRandom(42);
    byte[] tagSecret = new byte[32];
    byte[] fingerprintSecret = new byte[32];
    random.nextBytes(tagSecret);
    random.nextBytes(fingerprintSecret);
    tagger = new HmacAuthorityTagger(tagSecret);
    fingerprint = new KeyFingerprint(fingerprintSecret);
    int[] groups = {2011, 2013, 2021, 2023};
    for (int i = 0; i < KEYS; i++) {
      ProductKey key =
          ProductKeyCodec.encode(groups[i % groups.length], 1 + random.nextInt(1_000_000), tagger);
      // as people type them: display form, some in lower case
      typed[i] = i % 3 == 0 ? key.display().toLowerCase() : key.display();
    }
  }

  private String nextKey() {
    next = (next + 1) & (KEYS - 1);
    return typed[next];
  }

  @Benchmark
  public KeyDecoding decode() {
    return ProductKeyCodec.decode(nextKey(), Fixtures.CATALOG::knowsGroup);
  }

  /** Decode, authority tag and fingerprint: the authority's offline part of reading a key. */
  @Benchmark
  public String decodeTagFingerprint() {
    KeyDecoding.Decoded d =
        (KeyDecoding.Decoded) ProductKeyCodec.decode(nextKey(), Fixtures.CATALOG::knowsGroup);
    if (!d.payload().isIssuedBy(tagger)) {
      throw new IllegalStateException("not issued");
    }
    return fingerprint.of(d.key());
  }
}
