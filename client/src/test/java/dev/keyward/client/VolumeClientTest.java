package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.catalog.CatalogLoader;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.MachineFacts;
import dev.keyward.core.license.LicenseState;
import dev.keyward.core.time.MutableClock;
import dev.keyward.machines.LabProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A volume client against a signing host on a real port, on an injected clock. */
class VolumeClientTest {
  private static final String GVLK_2022_STANDARD = "K8DYQ-F3DK7-2FDRB-XQDFJ-DKKCC";
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final MachineFacts machine = LabProfile.VMWARE_VM.newMachine(new Random(1));
  private final KeyPair authority = SigningVolumeHost.keyPair();
  private SigningVolumeHost host;

  @AfterEach
  void stop() {
    if (host != null) {
      host.close();
    }
  }

  private KeywardClient client(String store) {
    return KeywardClient.builder()
        .store(dir.resolve(store))
        .machine(() -> machine)
        .clock(clock)
        .trust(List.of(SigningVolumeHost.trusted(authority)))
        .pinTrustOnFirstUse(false)
        .catalog(CatalogLoader.winserver())
        .build();
  }

  private KeywardClient volumeClient(String store, int port) {
    KeywardClient c = client(store);
    c.init("winserver", "2022", "ServerStandard");
    c.installKey(GVLK_2022_STANDARD);
    c.volumeSettings().setHost("127.0.0.1:" + port);
    return c;
  }

  private static ErrorCode codeOf(Runnable r) {
    try {
      r.run();
    } catch (KeywardException e) {
      return e.code();
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void belowTheThresholdTheCountComesBackThenAllActivateOnTheirNextTry() throws Exception {
    host = new SigningVolumeHost(authority, "2022", 5, clock);
    KeywardClient[] clients = new KeywardClient[5];
    for (int i = 0; i < 4; i++) {
      clients[i] = volumeClient("s" + i, host.port());
      KeywardClient c = clients[i];
      int expected = i + 1;
      assertThatThrownBy(c::activate)
          .isInstanceOfSatisfying(
              KeywardException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.VOLUME_NOT_ENOUGH_COUNT);
                assertThat(e.getMessage()).contains("current count " + expected);
              });
      assertThat(c.status().volumeClient().orElseThrow().lastCount()).contains(expected);
    }
    clients[4] = volumeClient("s4", host.port());
    assertThat(clients[4].activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
    // the retry interval the host announced (120 min) decides when the others ask again
    assertThat(clients[0].renewIfDue()).isEmpty();
    clock.advance(Duration.ofMinutes(120));
    for (int i = 0; i < 4; i++) {
      assertThat(clients[i].renewIfDue().orElseThrow().info().status().state())
          .isEqualTo(LicenseState.LICENSED);
    }
    VolumeClientInfo info = clients[0].status().volumeClient().orElseThrow();
    assertThat(info.lastCount()).contains(5);
    assertThat(info.hostId()).contains(host.hostId());
    assertThat(info.activationExpires()).contains(clock.instant().plus(Duration.ofDays(180)));
    List<String> events = Files.readAllLines(dir.resolve("s0/winserver/events.jsonl"));
    assertThat(events).anyMatch(l -> l.contains("\"id\":12288") && l.contains("127.0.0.1"));
    assertThat(events).anyMatch(l -> l.contains("\"id\":12289") && l.contains("\"count\":5"));
  }

  @Test
  void renewalAtSevenDaysRetryEveryTwoHoursGraceAfter180DaysThenNotification() throws Exception {
    host = new SigningVolumeHost(authority, "2022", 1, clock);
    KeywardClient c = volumeClient("s", host.port());
    c.activate();
    int port = host.port();
    clock.advance(Duration.ofDays(7).minusMinutes(1));
    assertThat(c.renewIfDue()).isEmpty();
    assertThat(c.status().volumeClient().orElseThrow().renewalDue()).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(c.status().volumeClient().orElseThrow().renewalDue()).isTrue();
    int before = host.requests;
    assertThat(c.renewIfDue()).isPresent();
    assertThat(host.requests).isEqualTo(before + 1);
    Instant renewed = clock.instant();

    host.close();
    host = null;
    clock.advance(Duration.ofDays(7));
    assertThat(codeOf(() -> c.renewIfDue())).isEqualTo(ErrorCode.VOLUME_HOST_UNAVAILABLE);
    clock.advance(Duration.ofMinutes(119));
    assertThat(c.renewIfDue()).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(codeOf(() -> c.renewIfDue())).isEqualTo(ErrorCode.VOLUME_HOST_UNAVAILABLE);
    assertThat(c.status().status().state()).isEqualTo(LicenseState.LICENSED);

    clock.advance(Duration.between(clock.instant(), renewed.plus(Duration.ofDays(181))));
    LicenseInfo lapsed = c.status();
    assertThat(lapsed.status().state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
    assertThat(lapsed.status().reason()).isEqualTo(ErrorCode.VOLUME_HOST_UNAVAILABLE);
    clock.advance(Duration.ofDays(30));
    assertThat(c.status().status().state()).isEqualTo(LicenseState.NOTIFICATION);

    host = new SigningVolumeHost(authority, "2022", 1, clock);
    c.volumeSettings().setHost("127.0.0.1:" + host.port());
    assertThat(port).isPositive();
    assertThat(c.activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
  }

  @Test
  void aHostTheAuthorityNeverActivatedIsNotBelieved() throws Exception {
    host = new SigningVolumeHost(SigningVolumeHost.keyPair(), "2022", 1, clock);
    KeywardClient c = volumeClient("s", host.port());
    assertThat(codeOf(c::activate)).isEqualTo(ErrorCode.VOLUME_HOST_NOT_ACTIVATED);
    assertThat(c.status().status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
  }

  @Test
  void anOlderHostKeyDoesNotServeANewerClient() throws Exception {
    host = new SigningVolumeHost(authority, "2019", 1, clock);
    KeywardClient c = volumeClient("s", host.port());
    assertThat(codeOf(c::activate)).isEqualTo(ErrorCode.VOLUME_HOST_ID_MISMATCH);
  }

  @Test
  void aGrantCopiedFromAnotherMachineOrAnotherKeyDoesNotLicense() throws Exception {
    host = new SigningVolumeHost(authority, "2022", 1, clock);
    KeywardClient a = volumeClient("a", host.port());
    a.activate();
    KeywardClient b = volumeClient("b", host.port());
    // b's store gets a's grant file, re-sealed with b's secret as a forger could
    LocalStore bStore = new LocalStore(dir.resolve("b"), new java.security.SecureRandom());
    VolumeClientRecord aRecord = new VolumeClientFile(a.store()).read("winserver");
    VolumeClientRecord stolen =
        new VolumeClientRecord(
            aRecord.grant(),
            b.status().partialProductKey().map(x -> "").map(x -> readFingerprint(b)),
            aRecord.cachedHost(),
            aRecord.dnsHost(),
            aRecord.lastCount(),
            aRecord.lastResult(),
            aRecord.lastAttemptAt(),
            aRecord.lastGrantAt(),
            aRecord.hostRenewalMinutes(),
            aRecord.hostRetryMinutes());
    new VolumeClientFile(bStore).write("winserver", stolen);
    LicenseInfo info = b.status();
    assertThat(info.status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(info.volumeClient().orElseThrow().grantProblem()).isPresent();
  }

  private static String readFingerprint(KeywardClient c) {
    LocalStore.Read read = c.store().load("winserver");
    return ((LocalStore.Read.Intact) read).state().key().orElseThrow().fingerprint();
  }

  @Test
  void aLicensedStoreWhoseGrantIsGoneOrEditedIsNotLicensed() throws Exception {
    host = new SigningVolumeHost(authority, "2022", 1, clock);
    KeywardClient c = volumeClient("s", host.port());
    assertThat(c.activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
    Path file = dir.resolve("s/winserver/" + VolumeClientFile.FILE);
    String kept = Files.readString(file);
    // an edited grant (a later expiry) no longer verifies: the file's seal fails, or its signature
    Files.writeString(file, kept.replace("\"count\":1", "\"count\":9"));
    assertThat(c.status().status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    Files.delete(file);
    assertThat(c.status().status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    Files.writeString(file, kept);
    assertThat(c.status().status().state()).isEqualTo(LicenseState.LICENSED);
  }

  @Test
  void statusReadsDoNotWriteTheVolumeRecord() throws Exception {
    host = new SigningVolumeHost(authority, "2022", 1, clock);
    KeywardClient c = volumeClient("s", host.port());
    c.activate();
    Path file = dir.resolve("s/winserver/" + VolumeClientFile.FILE);
    String before = Files.readString(file);
    clock.advance(Duration.ofDays(8));
    assertThat(c.status().volumeClient().orElseThrow().renewalDue()).isTrue();
    assertThat(Files.readString(file)).isEqualTo(before);
  }
}
