package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.volume.HostId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeHostIdentityTest {

  @Test
  void theHostKeyPairIsMadeOnceOwnerOnlyAndSigns(@TempDir Path dir) throws Exception {
    LocalStore store = new LocalStore(dir.resolve("store"), new SecureRandom());
    VolumeHostIdentity made = VolumeHostIdentity.loadOrCreate(store, "winserver");
    Path file = VolumeHostIdentity.file(store, "winserver");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    VolumeHostIdentity again = VolumeHostIdentity.loadOrCreate(store, "winserver");
    assertThat(again.publicKey()).isEqualTo(made.publicKey());
    assertThat(again.hostId()).isEqualTo(HostId.of(made.publicKey())).hasSize(32);

    Signature s = Signature.getInstance("Ed25519");
    s.initSign(again.privateKey());
    s.update(new byte[] {1, 2, 3});
    byte[] signature = s.sign();
    Signature v = Signature.getInstance("Ed25519");
    v.initVerify(
        dev.keyward.core.volume.VolumeGrantVerifier.publicKey(made.publicKey()).orElseThrow());
    v.update(new byte[] {1, 2, 3});
    assertThat(v.verify(signature)).isTrue();
  }

  @Test
  void onlyAVolumeHostKeySendsItsPublicKey(@TempDir Path dir) {
    LocalStore store = new LocalStore(dir.resolve("store"), new SecureRandom());
    Map<String, Object> body = new HashMap<>();
    VolumeHostIdentity.addTo(body, store, "winserver", Channel.RETAIL);
    assertThat(body).isEmpty();
    assertThat(VolumeHostIdentity.load(store, "winserver")).isEmpty();
    VolumeHostIdentity.addTo(body, store, "winserver", Channel.VOLUME_KMS_HOST);
    assertThat(body.get("hostPublicKey"))
        .isEqualTo(VolumeHostIdentity.load(store, "winserver").orElseThrow().publicKey());
  }

  @Test
  void aDamagedKeyFileReadsAsNone(@TempDir Path dir) throws Exception {
    LocalStore store = new LocalStore(dir.resolve("store"), new SecureRandom());
    Path file = VolumeHostIdentity.file(store, "winserver");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"publicKey\":\"bm9wZQ==\",\"privateKey\":\"bm9wZQ==\"}");
    assertThat(VolumeHostIdentity.load(store, "winserver")).isEmpty();
  }
}
