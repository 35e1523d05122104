package dev.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.key.ProductKey;
import dev.keyward.core.key.ProductKeyCodec;
import dev.keyward.core.license.LicenseState;
import dev.keyward.machines.LabProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywardClientTest extends AgainstFakeAuthority {
  // winserver groups: 2011 = 2022 ServerStandard RETAIL, 2021 = 2022 ServerDatacenter RETAIL
  private static final ProductKey STD_2022 = ProductKeyCodec.encode(2011, 4242, TAGGER);
  private static final ProductKey DC_2022 = ProductKeyCodec.encode(2021, 4243, TAGGER);
  private static final ProductKey STD_2019 = ProductKeyCodec.encode(1011, 4244, TAGGER);

  /** A client with no trusted key, with the development opt-in to trust on first use. */
  private KeywardClient devClient() {
    return builder(dir.resolve("store"), () -> machine).pinTrustOnFirstUse(true).build();
  }

  private Path stateFile() {
    return dir.resolve("store").resolve("winserver").resolve(LocalStore.STATE_FILE);
  }

  @Test
  void initStartsTheInitialGrace() {
    LicenseInfo info = client().init("winserver", "2022", "ServerStandard");
    assertThat(info.status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(info.status().remaining()).isEqualTo(Duration.ofDays(10));
    assertThat(info.cmid()).hasSize(36);
    assertThat(client().init("winserver", "2022", "ServerStandard").notices())
        .anySatisfy(n -> assertThat(n).contains("already recorded"));
  }

  @Test
  void installActivateAndPinTrustOnFirstUse() {
    KeywardClient client = devClient();
    client.init("winserver", "2022", "ServerStandard");
    LicenseInfo installed = client.installKey(STD_2022.display().toLowerCase());
    assertThat(installed.partialProductKey()).contains(STD_2022.partial());
    assertThat(installed.keyCopyStored()).isTrue();

    KeywardClient.Activation a = client.activate();
    assertThat(a.info().status().state()).isEqualTo(LicenseState.LICENSED);
    assertThat(a.info().status().expires()).isNull();
    assertThat(a.info().notices()).anySatisfy(n -> assertThat(n).contains("pinned"));
    assertThat(Files.exists(dir.resolve("store").resolve(LocalStore.TRUST_FILE))).isTrue();
    assertThat(authority.activationBodies.get(0))
        .containsEntry("product", "winserver")
        .containsEntry("simulated", true)
        .containsKey("components");

    // pinned once: later activations use the pinned keys
    devClient().activate();
    assertThat(authority.trustRequests.get()).isEqualTo(1);
    assertThat(devClient().status().status().state()).isEqualTo(LicenseState.LICENSED);
    // the full key never lands in the store in clear
    assertThat(read(stateFile())).doesNotContain(STD_2022.canonical());
  }

  @Test
  void aCertificateFromAnUntrustedKeyIsRefusedAndNothingChanges() {
    KeywardClient client = client();
    client.init("winserver", "2022", "ServerStandard");
    client.installKey(STD_2022.display());
    authority.signWith = FakeAuthority.keyPair();
    assertThatThrownBy(client::activate)
        .isInstanceOfSatisfying(
            KeywardException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_TAMPERED));
    assertThat(client.status().status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    assertThat(authority.trustRequests.get()).isZero();
  }

  @Test
  void aTypoIsRefusedOfflineWithTheRealKeySuggested() {
    client().init("winserver", "2022", "ServerStandard");
    String typo = STD_2022.display();
    char wrong = typo.charAt(7) == 'B' ? 'C' : 'B';
    typo = typo.substring(0, 7) + wrong + typo.substring(8);
    String typed = typo;
    assertThatThrownBy(() -> client().installKey(typed))
        .isInstanceOfSatisfying(
            KeywardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PRODUCT_KEY);
              assertThat(e.failure().message()).contains(STD_2022.display());
            });
    assertThat(authority.activations.get()).isZero();
  }

  @Test
  void keysOfAnotherEditionOrVersionAreRefusedWithTheRule() {
    client().init("winserver", "2022", "ServerStandard");
    assertThatThrownBy(() -> client().installKey(DC_2022.display()))
        .isInstanceOfSatisfying(
            KeywardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PRODUCT_KEY);
              assertThat(e.failure().message()).contains("/Set-Edition:ServerDatacenter");
            });
    assertThatThrownBy(() -> client().installKey(STD_2019.display()))
        .isInstanceOfSatisfying(
            KeywardException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PKEY_INVALID_CONFIG));
  }

  @Test
  void anEvaluationRefusesKeysUntilConvertedAndExpires() {
    client().init("winserver", "2022", "ServerStandardEval");
    assertThat(client().status().status().state()).isEqualTo(LicenseState.EXTENDED_GRACE);
    assertThatThrownBy(() -> client().installKey(STD_2022.display()))
        .isInstanceOfSatisfying(
            KeywardException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_SUPPORTED));
    clock.advance(Duration.ofDays(181));
    assertThat(client().status().status().reason()).isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED);
    assertThatThrownBy(() -> client().installKey(STD_2022.display()))
        .isInstanceOfSatisfying(
            KeywardException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDITY_PERIOD_EXPIRED));
  }

  @Test
  void aHandEditedStoreIsNonGenuineNeverACrash_andActivationRepairsIt() throws Exception {
    KeywardClient client = client();
    client.init("winserver", "2022", "ServerStandard");
    client.installKey(STD_2022.display());
    Files.writeString(
        stateFile(), read(stateFile()).replace("\"rearmCount\":0", "\"rearmCount\":1"));

    LicenseInfo info = client().status();
    assertThat(info.status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
    assertThat(info.status().reason()).isEqualTo(ErrorCode.STORE_TAMPERED);
    assertThat(info.notices()).anySatisfy(n -> assertThat(n).contains("integrity"));
    // recorded once: the grace is not restarted by looking again
    clock.advance(Duration.ofDays(1));
    assertThat(client().status().status().remaining()).isEqualTo(Duration.ofDays(29));

    // the key copy still decrypts with this store's secret: activation repairs the store
    assertThat(client().activate().info().status().state()).isEqualTo(LicenseState.LICENSED);
  }

  @Test
  void garbageAndAMissingSecretAreDetectedToo() throws Exception {
    client().init("winserver", "2022", "ServerStandard");
    Files.writeString(stateFile(), "{not json");
    assertThat(client().status().status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);

    client().init("winserver", "2022", "ServerStandard");
    assertThat(client().status().status().state()).isEqualTo(LicenseState.INITIAL_GRACE);
    Files.delete(dir.resolve("store").resolve(StoreSecret.FILE));
    assertThat(client().status().status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
  }

  @Test
  void aStateCopiedFromAnotherStoreFailsItsSeal() throws Exception {
    client().init("winserver", "2022", "ServerStandard");
    Path other = dir.resolve("other");
    KeywardClient.builder()
        .store(other)
        .clock(clock)
        .build()
        .init("winserver", "2022", "ServerStandard");
    Files.copy(
        other.resolve("winserver").resolve(LocalStore.STATE_FILE),
        stateFile(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(client().status().status().state()).isEqualTo(LicenseState.NON_GENUINE_GRACE);
  }

  @Test
  void hardwareOutOfToleranceStartsTheAdditionalGrace() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    client().activate();
    machine =
        LabProfile.migrate(
            machine, LabProfile.PROXMOX_VM, EnumSet.noneOf(Component.class), new Random(2));
    LicenseInfo info = client().status();
    assertThat(info.status().state()).isEqualTo(LicenseState.ADDITIONAL_GRACE);
    assertThat(info.status().reason()).isEqualTo(ErrorCode.OUT_OF_TOLERANCE);
    assertThat(info.status().remaining()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void theInjectedClockDrivesTheTimers() {
    client().init("winserver", "2022", "ServerStandard");
    clock.advance(Duration.ofDays(11));
    LicenseInfo info = client().status();
    assertThat(info.status().state()).isEqualTo(LicenseState.NOTIFICATION);
    assertThat(info.status().reason()).isEqualTo(ErrorCode.GRACE_TIME_EXPIRED);
    assertThat(info.status().enforcement()).isPresent();
  }

  @Test
  void uninstallReleasesOnlineThenRemovesTheKey() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    client().activate();
    LicenseInfo info = client().uninstallKey();
    assertThat(authority.deactivations.get()).isEqualTo(1);
    assertThat(info.status().state()).isEqualTo(LicenseState.UNLICENSED);
    assertThat(info.status().reason()).isEqualTo(ErrorCode.PKEY_NOT_INSTALLED);
    assertThat(info.partialProductKey()).isEmpty();
    assertThatThrownBy(() -> client().uninstallKey())
        .isInstanceOfSatisfying(
            KeywardException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PKEY_NOT_INSTALLED));
  }

  @Test
  void aClearedKeyCannotBeSentAgain() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    LicenseInfo info = client().clearKey();
    assertThat(info.keyCopyStored()).isFalse();
    assertThat(info.partialProductKey()).contains(STD_2022.partial());
    assertThatThrownBy(() -> client().activate())
        .isInstanceOfSatisfying(
            KeywardException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PKEY_NOT_INSTALLED));
  }

  @Test
  void eventsAreJsonLines() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    var events = client().store().events("winserver");
    assertThat(events).extracting(e -> e.get("event")).containsExactly("Installed", "KeyInstalled");
    assertThat(events.get(1)).containsEntry("partialKey", STD_2022.partial());
  }

  @Test
  void anUnreachableAuthorityIsAClearError() {
    client().init("winserver", "2022", "ServerStandard");
    client().installKey(STD_2022.display());
    authority.close();
    assertThatThrownBy(() -> client().activate())
        .isInstanceOfSatisfying(
            KeywardException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHORITY_UNREACHABLE));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
