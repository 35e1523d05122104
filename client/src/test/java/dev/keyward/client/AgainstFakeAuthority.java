package dev.keyward.client;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.key.HmacAuthorityTagger;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.time.MutableClock;
import dev.keyward.machines.LabProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup the SDK's tests share: a fresh {@link FakeAuthority} for each test, a VMware machine, a
 * store in a temporary directory and a clock the test moves, and clients on them that trust the
 * authority's key as a vendor's build compiles it in.
 */
abstract class AgainstFakeAuthority {
  static final HmacAuthorityTagger TAGGER =
      new HmacAuthorityTagger("test-authority-secret".getBytes(StandardCharsets.US_ASCII));
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(START);

  /** This machine, as the clients read it on each call: a test may move it (V2V) or swap it. */
  MachineFacts machine = LabProfile.VMWARE_VM.newMachine(new Random(1));

  FakeAuthority authority;

  @BeforeEach
  void startAuthority() throws Exception {
    authority = new FakeAuthority();
  }

  @AfterEach
  void stopAuthority() {
    authority.close();
  }

  /** A key of winserver's key group {@code group} (2011: 2022 ServerStandard RETAIL). */
  static ProductKey key(int group, long serial) {
    return ProductKeyCodec.encode(group, serial, TAGGER);
  }

  /** A client on the store {@code store/}, reading {@link #machine}, trusting the authority. */
  KeywardClient client() {
    return builder(dir.resolve("store"), () -> machine)
        .trust(List.of(authority.trustedKey()))
        .build();
  }

  /** A client on {@code store} on the machine {@code facts}, trusting the authority. */
  KeywardClient client(Path store, MachineFacts facts) {
    return builder(store, () -> facts).trust(List.of(authority.trustedKey())).build();
  }

  /** The builder of those clients before trust is chosen: the store, machine, authority, clock. */
  KeywardClient.Builder builder(Path store, Supplier<MachineFacts> facts) {
    return KeywardClient.builder()
        .store(store)
        .machine(facts)
        .authority(authority.uri())
        .clock(clock)
        .catalog(CatalogLoader.winserver());
  }
}
